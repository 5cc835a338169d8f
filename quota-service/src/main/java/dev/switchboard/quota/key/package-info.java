/** Gateway API keys: issued once in plaintext, stored only as SHA-256 digests, authenticated by digest. */
package dev.switchboard.quota.key;
