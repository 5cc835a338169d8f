/** Budget alerts on Kafka: a budget crossed its soft threshold. */
package dev.switchboard.quota.alert;
