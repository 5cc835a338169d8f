/** The admin UI application; pages arrive feature by feature. */
package dev.switchboard.admin;
