package dev.switchboard.devstack.conformance;

import dev.switchboard.mockprovider.ledger.Vendor;

/** A model the suite seeds, as the conformance tests address it and as the edge and the mock report it. */
interface SeededModel {

    /**
     * @param id       the public model name clients send
     * @param provider the registry's provider id, shown in {@code x-switchboard-provider}
     * @param upstream the provider's own model name, shown in {@code x-switchboard-model} and seen by the mock
     */
    record Names(String id, String provider, String upstream, Vendor vendor) {
    }

    Names names();

    default String id() {
        return names().id();
    }

    default String provider() {
        return names().provider();
    }

    default String upstream() {
        return names().upstream();
    }

    default Vendor vendor() {
        return names().vendor();
    }
}
