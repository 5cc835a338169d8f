/**
 * The append-only audit log of admin changes made in services without a database (the edge), fed from Kafka;
 * read with {@code GET /api/v1/audit}.
 */
package dev.switchboard.usage.audit;
