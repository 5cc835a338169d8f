/** Request-rate limits counted in Redis with atomic Lua scripts. Also the admin API of configured limits per scope. */
package dev.switchboard.quota.limit;
