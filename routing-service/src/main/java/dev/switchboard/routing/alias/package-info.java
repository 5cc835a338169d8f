/** Model aliases: stable names such as {@code fast} or {@code smart} that clients send in place of a model name. */
package dev.switchboard.routing.alias;
