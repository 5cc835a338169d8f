/** Token checks on internal and admin endpoints and the single error body of the servlet services. */
package dev.switchboard.serviceweb;
