package receivables.itest;

import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;

/** What the in-host tests of notice channels read back from the dunning REST API. */
final class DunningNotices {

    private DunningNotices() {
    }

    /** The customer's one notice once its delivery is no longer pending (20 seconds at most). */
    static JsonNode awaitDelivered(HostProcess host, String customer) throws Exception {
        return host.await("/api/v1/dunning/customers/" + customer + "/notices",
                notices -> notices.size() == 1 && !notices.get(0).get("delivery").asText().equals("PENDING"),
                Duration.ofSeconds(20)).get(0);
    }
}
