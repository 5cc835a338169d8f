/** The local suite: embedded real infrastructure, the mock provider and every service as its own process. */
package dev.switchboard.devstack;
