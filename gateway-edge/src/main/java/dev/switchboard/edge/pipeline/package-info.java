/** What every public endpoint shares: the per-request record that ends as one usage event. */
package dev.switchboard.edge.pipeline;
