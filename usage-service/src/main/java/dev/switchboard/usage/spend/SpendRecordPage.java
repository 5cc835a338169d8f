package dev.switchboard.usage.spend;

import java.util.List;

/**
 * One page of a team's records, newest first.
 *
 * @param nextCursor pass as {@code cursor} for the next page; null on the last page
 */
record SpendRecordPage(String team, List<SpendRecord> records, String nextCursor) {
}
