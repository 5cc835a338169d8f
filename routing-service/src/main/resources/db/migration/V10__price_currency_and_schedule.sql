-- Prices name their currency (ISO 4217). Rows written before this migration were US dollars.
alter table model_prices add column currency char(3) not null default 'USD' check (currency ~ '^[A-Z]{3}$');

-- Prices may now be written ahead of time (effective_from in the future). The view already leaves such rows
-- out until they are due; it is recreated only to carry the currency (new columns go last in a view).
create or replace view prices_in_force as
select distinct on (model_name, model_version)
       id, model_name, model_version, input_per_million, cached_input_per_million, output_per_million, effective_from,
       currency
from model_prices
where effective_from <= clock_timestamp()
order by model_name, model_version, effective_from desc, id desc;

-- The planner asks for the earliest price still to come at every snapshot load.
create index model_prices_effective_from on model_prices (effective_from);
