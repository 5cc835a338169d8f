-- An import from Git may reorder rules: swap two positions, or give a pruned rule's position to another. Checked
-- row by row, every such file would fail half-way; checked at commit, only a file that really leaves two rules
-- at one position does. The admin API still refuses a taken position at once, with a 409 naming the holder.
alter table routes drop constraint routes_position_key;
alter table routes add constraint routes_position_key unique (position) deferrable initially deferred;
