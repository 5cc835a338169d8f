/** Fault specifications (errors, delays, cut and broken streams) chosen per request header or per model rule. */
package dev.switchboard.mockprovider.fault;
