/** Token counting with a real tokenizer, for admission estimates and for bills of cut streams. */
package dev.switchboard.edge.tokens;
