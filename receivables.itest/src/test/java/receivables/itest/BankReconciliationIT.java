package receivables.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Bank reconciliation on the reference host as shipped, over HTTP with the demo tenant: a camt.053 uploaded
 * as the raw body pays one invoice by its creditor reference and half of another by its number, leaves an
 * unknown payer's transfer in the suspense queue and skips the debit; the same file again books nothing; a
 * clerk matches the suspended line by hand; a cut file is rejected with where it breaks and changes nothing;
 * and the bank bundle's two screens are listed for the tenant and served.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class BankReconciliationIT extends InReferenceHost {

    private static final String ACCOUNT = "DE89370400440532013000";
    private static final String BOOKED = "2026-03-12";

    public BankReconciliationIT() {
        super("bank-reconciliation");
    }

    @Test
    public void aStatementPaysWhatItNamesOnceAndAClerkPlacesTheRest() {
        String customer = http.post("/api/v1/customers", "{\"name\":\"Statement Payer GmbH\",\"currency\":\"EUR\"}")
                .json().get("id").asText();
        JsonNode first = issuedInvoice(customer, "SO-BANK-1", "100.00");
        JsonNode second = issuedInvoice(customer, "SO-BANK-2", "240.00");
        JsonNode third = issuedInvoice(customer, "SO-BANK-3", "75.00");
        String statement = camt("STMT-BANK-1",
                entry("BANK-1", "100.00", "CRDT", "Statement Payer GmbH", null, creditorReference(first))
                + entry("BANK-2", "120.00", "CRDT", "Statement Payer GmbH", "half of invoice "
                        + second.get("number").asText() + ", rest follows", null)
                + entry("BANK-3", "120.00", "CRDT", "Somebody Unknown", "April", null)
                + entry("BANK-4", "15.00", "DBIT", "Bank", "account fees", null));

        JsonNode imported = importAndWait(statement.getBytes(StandardCharsets.UTF_8));

        assertEquals(imported.toString(), "COMPLETED", imported.get("status").asText());
        assertEquals("camt.053", imported.get("format").asText());
        assertCounts(imported, 4, 2, 1, 1, 0);
        assertEquals("PAID", invoice(first).get("status").asText());
        assertEquals("PARTIALLY_PAID", invoice(second).get("status").asText());
        assertEquals("120.00", invoice(second).at("/open/amount").asText());
        assertEquals(2, payments(customer));
        JsonNode open = openSuspenseItems();
        assertEquals(open.toString(), 1, open.get("totalItems").asLong());
        JsonNode suspended = open.at("/items/0");
        assertEquals("120.00", suspended.at("/line/amount/amount").asText());
        assertEquals("Somebody Unknown", suspended.at("/line/counterpartyName").asText());
        assertEquals(ACCOUNT, suspended.get("account").asText());
        assertEquals("the only invoice with the open amount is a candidate, not a booking",
                second.get("id").asText(), suspended.at("/candidates/0/invoiceId").asText());

        JsonNode again = importAndWait(statement.getBytes(StandardCharsets.UTF_8));

        assertEquals(again.toString(), "COMPLETED", again.get("status").asText());
        assertCounts(again, 4, 0, 0, 1, 3);
        assertEquals(2, payments(customer));
        assertEquals("120.00", invoice(second).at("/open/amount").asText());
        assertEquals(1, openSuspenseItems().get("totalItems").asLong());

        String item = suspended.get("id").asText();
        assertProblem(http.post("/api/v1/suspense-items/" + item + "/match", "{}"), 400, "invoiceId");
        Http.Reply matched = http.post("/api/v1/suspense-items/" + item + "/match",
                "{\"invoiceId\":\"" + second.get("id").asText() + "\"}");

        assertEquals(matched.body(), 200, matched.status());
        assertEquals(customer, matched.json().get("customerId").asText());
        assertEquals("120.00", matched.json().at("/allocations/0/amount/amount").asText());
        assertEquals("PAID", invoice(second).get("status").asText());
        assertEquals(3, payments(customer));
        assertEquals(0, openSuspenseItems().get("totalItems").asLong());
        assertEquals("MATCHED", http.get("/api/v1/suspense-items/" + item).json().get("status").asText());
        assertProblem(http.post("/api/v1/suspense-items/" + item + "/dismiss", "{\"reason\":\"too late\"}"), 409, null);

        String paysTheThird = camt("STMT-BANK-2",
                entry("BANK-5", "75.00", "CRDT", "Statement Payer GmbH", null, creditorReference(third))
                + entry("BANK-6", "9.99", "CRDT", "Somebody Else", "gift", null));
        byte[] cut = paysTheThird.substring(0, paysTheThird.indexOf("<AcctSvcrRef>BANK-6")).getBytes(StandardCharsets.UTF_8);

        JsonNode rejected = importAndWait(cut);

        assertEquals(rejected.toString(), "REJECTED", rejected.get("status").asText());
        assertTrue(rejected.toString(), rejected.hasNonNull("location") && !rejected.get("location").asText().isBlank());
        assertTrue(rejected.toString(), rejected.hasNonNull("problem"));
        assertCounts(rejected, 0, 0, 0, 0, 0);
        assertEquals("ISSUED", invoice(third).get("status").asText());
        assertEquals(3, payments(customer));
        assertEquals(0, openSuspenseItems().get("totalItems").asLong());

        assertProblem(http.postBody("/api/v1/bank-statements", new byte[0], "application/octet-stream"), 400, "body");
        assertProblem(http.postBody("/api/v1/bank-statements", "{\"no\":\"statement\"}".getBytes(StandardCharsets.UTF_8),
                "text/plain"), 400, "body");
    }

    @Test
    public void theTenantWithBankReconciliationGetsTheBankScreens() {
        JsonNode fragments = http.get("/api/v1/ui-fragments").json();

        JsonNode upload = fragment(fragments, "bank.statement-upload");
        JsonNode suspense = fragment(fragments, "bank.suspense-queue");
        assertEquals("payments", upload.get("slot").asText());
        assertEquals("Bank statements", upload.get("title").asText());
        assertEquals("bank-reconciliation", upload.get("feature").asText());
        assertEquals("payments", suspense.get("slot").asText());
        assertEquals("Suspense queue", suspense.get("title").asText());
        for (JsonNode fragment : List.of(upload, suspense)) {
            Http.Reply script = http.get(fragment.get("resourcePath").asText(), null, null);
            assertEquals(fragment.toString(), 200, script.status());
            assertTrue(script.contentType(), script.contentType().contains("javascript"));
            assertTrue(script.body().contains("export function render(container, api)"));
        }
        assertEquals(404, http.get("/receivables/fragments/bank/nothing.js", null, null).status());
    }

    /**
     * The real bank files of the shared corpus (whole statements: the camt.053 files and the banks' MT940 exports),
     * uploaded as a clerk would: each is imported with every booked line it holds (counted independently of our
     * readers, by its Ntry elements or :61: fields), and the one broken on purpose is rejected with its location.
     */
    @Test
    public void everySharedBankFileImportsWithAllItsLinesAndTheBrokenOneIsRejected() throws Exception {
        Path corpus = Path.of(System.getProperty("receivables.bank-statements.dir", "../../shared/data/bank-statements"));
        List<Path> files = new ArrayList<>();
        try (var camt = Files.list(corpus.resolve("camt")); var banks = Files.list(corpus.resolve("mt940/jejik"))) {
            camt.filter(file -> file.toString().endsWith(".xml")).forEach(files::add);
            banks.filter(file -> file.toString().endsWith(".sta")).forEach(files::add);
        }
        files.add(corpus.resolve("mt940/cmxl/mt940.sta"));
        assertTrue(files.toString(), files.size() >= 17);
        for (Path file : files) {
            String text = Files.readString(file, StandardCharsets.ISO_8859_1);
            JsonNode imported = importAndWait(Files.readAllBytes(file));
            if (file.getFileName().toString().equals("camt053.v2.wrong.xml")) {
                assertEquals(imported.toString(), "REJECTED", imported.get("status").asText());
                assertFalse(imported.toString(), imported.get("location").isNull());
                continue;
            }
            long booked = file.toString().endsWith(".xml") ? occurrences(text, "<Ntry>")
                    : text.lines().filter(line -> line.startsWith(":61:")).count();
            assertEquals(file + ": " + imported, "COMPLETED", imported.get("status").asText());
            assertEquals(file + ": " + imported, booked, imported.get("linesRead").asLong());
        }
    }

    /**
     * Files as real banks send them (the bank bundle's {@code real-exports}): read with warnings on the import,
     * the statements' balances listed, an MT942 interim report and the day's MT940 booking the movement once,
     * imports listed newest first, and a body in a media type no statement comes in refused naming those it does.
     */
    @Test
    public void realBankExportsImportWithTheirWarningsAndBalancesVisible() throws Exception {
        Path exports = Path.of("../receivables.payments.bank/src/test/resources/real-exports");

        Http.Reply json = http.postBody("/api/v1/bank-statements", "{\"file\":1}".getBytes(StandardCharsets.UTF_8),
                "application/json");
        assertProblem(json, 415, "Content-Type");
        assertTrue(json.body(), json.json().get("detail").asText().contains("application/octet-stream"));

        JsonNode lenient = importAndWait(Files.readAllBytes(exports.resolve("blank-entry-date-and-type-code.sta")));
        assertEquals(lenient.toString(), "COMPLETED", lenient.get("status").asText());
        assertEquals(lenient.toString(), 2, lenient.get("linesRead").asLong());
        assertEquals(lenient.toString(), List.of("line 5", "line 7"),
                List.of(lenient.at("/notes/0/location").asText(), lenient.at("/notes/1/location").asText()));
        assertEquals("WARNING", lenient.at("/notes/0/kind").asText());
        JsonNode statements = http.get("/api/v1/bank-statements/" + lenient.get("id").asText() + "/statements").json();
        assertEquals(statements.toString(), 1, statements.get("totalItems").asLong());
        assertEquals(statements.toString(), List.of("1000.00", "1035.00", "STARTUMSE"),
                List.of(statements.at("/items/0/openingBalance/amount").asText(),
                        statements.at("/items/0/closingBalance/amount").asText(),
                        statements.at("/items/0/statementId").asText()));

        JsonNode interim = importAndWait(Files.readAllBytes(exports.resolve("mt942-interim.sta")));
        JsonNode statement = importAndWait(Files.readAllBytes(exports.resolve("mt940-after-interim.sta")));
        assertEquals(interim.toString(), "mt942", interim.get("format").asText());
        assertEquals(interim.toString(), 1, interim.get("announced").asLong());
        assertEquals(statement.toString(), 1, statement.get("duplicates").asLong());
        assertTrue(http.get("/api/v1/bank-statements/" + interim.get("id").asText() + "/statements").json()
                .at("/items/0/interim").asBoolean());

        JsonNode listed = http.get("/api/v1/bank-statements?page=0&size=2").json();
        assertEquals(listed.toString(), List.of(statement.get("id").asText(), interim.get("id").asText()),
                List.of(listed.at("/items/0/id").asText(), listed.at("/items/1/id").asText()));
        assertProblem(http.get("/api/v1/bank-statements?size=0"), 400, "size");
    }

    private static long occurrences(String text, String element) {
        return text.split(java.util.regex.Pattern.quote(element), -1).length - 1;
    }

    private JsonNode importAndWait(byte[] file) {
        Http.Reply started = http.postBody("/api/v1/bank-statements", file, "application/xml");
        assertEquals(started.body(), 202, started.status());
        assertEquals("RUNNING", started.json().get("status").asText());
        return http.await("/api/v1/bank-statements/" + started.json().get("id").asText(),
                reply -> reply.status() == 200 && !reply.json().get("status").asText().equals("RUNNING"),
                Duration.ofSeconds(30)).json();
    }

    private static void assertCounts(JsonNode statementImport, long read, long matched, long suspended, long skipped,
            long duplicates) {
        assertEquals(statementImport.toString(), List.of(read, matched, suspended, skipped, duplicates),
                List.of(statementImport.get("linesRead").asLong(), statementImport.get("matched").asLong(),
                        statementImport.get("suspended").asLong(), statementImport.get("skipped").asLong(),
                        statementImport.get("duplicates").asLong()));
    }

    private JsonNode issuedInvoice(String customer, String orderId, String amount) {
        String invoice = http.post("/api/v1/invoices", "{\"orderId\":\"" + orderId + "\",\"customerId\":\"" + customer
                + "\",\"currency\":\"EUR\",\"orderDate\":\"2026-03-01\",\"lines\":[{\"product\":\"CRATE\","
                + "\"quantity\":1,\"unitPrice\":" + amount + "}]}").json().get("id").asText();
        JsonNode issued = http.post("/api/v1/invoices/" + invoice + "/issue", "{\"issueDate\":\"2026-03-02\"}").json();
        assertEquals(issued.toString(), "ISSUED", issued.get("status").asText());
        assertEquals(amount, issued.at("/gross/amount").asText());
        return issued;
    }

    private JsonNode invoice(JsonNode invoice) {
        return http.get("/api/v1/invoices/" + invoice.get("id").asText()).json();
    }

    private JsonNode openSuspenseItems() {
        return http.get("/api/v1/suspense-items?status=OPEN&page=0&size=20").json();
    }

    /** The payments the customer's statement shows: every one recorded, whatever it was allocated to. */
    private long payments(String customer) {
        JsonNode statement = http.get("/api/v1/customers/" + customer + "/statement?currency=EUR&from=2026-01-01"
                + "&to=2026-12-31").json();
        long payments = 0;
        for (JsonNode movement : statement.get("movements")) {
            if (movement.get("kind").asText().equals("PAYMENT")) {
                payments++;
            }
        }
        return payments;
    }

    /**
     * The invoice's ISO 11649 creditor reference, worked out here from the standard rather than with the
     * product's own code: RF, two check digits, then the number's letters and digits.
     */
    private static String creditorReference(JsonNode invoice) {
        String payload = invoice.get("number").asText().toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "");
        StringBuilder digits = new StringBuilder();
        for (char c : (payload + "RF00").toCharArray()) {
            digits.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
        }
        int check = 98 - new BigInteger(digits.toString()).mod(BigInteger.valueOf(97)).intValue();
        return String.format(Locale.ROOT, "RF%02d%s", check, payload);
    }

    private static String camt(String id, String entries) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.02\">\n"
                + "<BkToCstmrStmt><GrpHdr><MsgId>M-" + id + "</MsgId></GrpHdr>\n"
                + "<Stmt><Id>" + id + "</Id><Acct><Id><IBAN>" + ACCOUNT + "</IBAN></Id><Ccy>EUR</Ccy></Acct>\n"
                + entries + "</Stmt></BkToCstmrStmt></Document>\n";
    }

    private static String entry(String bankReference, String amount, String direction, String party, String text,
            String creditorReference) {
        String role = "CRDT".equals(direction) ? "Dbtr" : "Cdtr";
        return "<Ntry><Amt Ccy=\"EUR\">" + amount + "</Amt><CdtDbtInd>" + direction + "</CdtDbtInd><Sts>BOOK</Sts>"
                + "<BookgDt><Dt>" + BOOKED + "</Dt></BookgDt><ValDt><Dt>" + BOOKED + "</Dt></ValDt>"
                + "<AcctSvcrRef>" + bankReference + "</AcctSvcrRef><NtryDtls><TxDtls>"
                + "<RltdPties><" + role + "><Nm>" + party + "</Nm></" + role + "></RltdPties><RmtInf>"
                + (text == null ? "" : "<Ustrd>" + text + "</Ustrd>")
                + (creditorReference == null ? "" : "<Strd><CdtrRefInf><Ref>" + creditorReference + "</Ref></CdtrRefInf></Strd>")
                + "</RmtInf></TxDtls></NtryDtls></Ntry>\n";
    }

    private static JsonNode fragment(JsonNode fragments, String id) {
        for (JsonNode fragment : fragments) {
            if (fragment.get("id").asText().equals(id)) {
                return fragment;
            }
        }
        throw new AssertionError("no fragment " + id + " in " + fragments);
    }

    private static void assertProblem(Http.Reply reply, int status, String field) {
        assertEquals(reply.body(), status, reply.status());
        assertTrue(reply.contentType(), reply.contentType().startsWith("application/problem+json"));
        assertFalse("no stack trace: " + reply.body(), reply.body().contains("\tat "));
        if (field != null) {
            assertEquals(reply.body(), field, reply.json().at("/errors/0/field").asText());
        }
    }
}
