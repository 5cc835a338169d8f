/** {@code POST /v1/chat/completions}: the request pipeline from authentication to usage emission. */
package dev.switchboard.edge.chat;
