/** Request-rate limits counted in Redis with atomic Lua scripts. */
package dev.switchboard.quota.limit;
