package receivables.itest;

import java.time.Duration;
import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** What the in-host tests of notice channels read back from the dunning REST API. */
final class DunningNotices {

    private static final ObjectMapper JSON = new ObjectMapper();

    private DunningNotices() {
    }

    /** The customer's one notice once its delivery is no longer pending, or as it is after 20 seconds. */
    static JsonNode awaitDelivered(HostProcess host, String customer) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        JsonNode notices;
        do {
            notices = JSON.readTree(host.send("GET", "/api/v1/dunning/customers/" + customer + "/notices", null).body());
            if (notices.size() == 1 && !notices.get(0).get("delivery").asText().equals("PENDING")) {
                return notices.get(0);
            }
            Thread.sleep(200);
        } while (Instant.now().isBefore(deadline));
        return notices.get(0);
    }
}
