/** Route rules: ordered, first-match-wins rules that pick the strategy and policy for a kind of request. */
package dev.switchboard.routing.rule;
