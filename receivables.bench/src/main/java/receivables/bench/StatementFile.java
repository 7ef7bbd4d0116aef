package receivables.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import receivables.api.statement.CreditorReference;

/**
 * A generated camt.053 with one statement of {@code entries} entries, written entry by entry: the generator
 * holds no more of the file in memory than the importer does. Of every ten entries, five pay 1.00 of an open
 * invoice by its RF creditor reference, three are credits from nobody known (suspense) and two are debits.
 *
 * @param matched   the credits that pay an invoice by reference
 * @param suspended the credits from nobody known
 * @param skipped   the debits
 */
record StatementFile(Path path, int entries, long matched, long suspended, long skipped) {

    static final LocalDate DAY = LocalDate.of(2026, 3, 2);

    /** The credit lines: what an import keeps. */
    long credits() {
        return matched + suspended;
    }

    /** Writes {@code entries} entries whose references name {@code invoiceNumbers} in turn. */
    static StatementFile write(Path path, int entries, List<String> invoiceNumbers) throws IOException {
        long matched = 0;
        long suspended = 0;
        long skipped = 0;
        try (BufferedWriter out = Files.newBufferedWriter(path, StandardCharsets.UTF_8)) {
            out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:"
                    + "camt.053.001.02\"><BkToCstmrStmt><GrpHdr><MsgId>BENCH</MsgId></GrpHdr>\n<Stmt><Id>BENCH-1</Id>"
                    + "<Acct><Id><IBAN>DE89370400440532013000</IBAN></Id><Ccy>EUR</Ccy></Acct>\n");
            for (int i = 0; i < entries; i++) {
                int kind = i % 10;
                boolean debit = kind >= 8;
                String details;
                if (kind < 5) {
                    details = "<RltdPties><Dbtr><Nm>Customer</Nm></Dbtr></RltdPties><RmtInf><Strd><CdtrRefInf><Ref>"
                            + CreditorReference.ofInvoiceNumber(invoiceNumbers.get(i % invoiceNumbers.size()))
                                    .orElseThrow().value()
                            + "</Ref></CdtrRefInf></Strd></RmtInf>";
                    matched++;
                } else if (!debit) {
                    details = "<RltdPties><Dbtr><Nm>Somebody " + i + "</Nm></Dbtr></RltdPties><RmtInf><Ustrd>transfer "
                            + i + "</Ustrd></RmtInf>";
                    suspended++;
                } else {
                    details = "<RltdPties><Cdtr><Nm>Supplier</Nm></Cdtr></RltdPties>";
                    skipped++;
                }
                out.write("<Ntry><Amt Ccy=\"EUR\">" + (kind < 5 ? "1.00" : (i % 997) + ".37") + "</Amt><CdtDbtInd>"
                        + (debit ? "DBIT" : "CRDT") + "</CdtDbtInd><Sts>BOOK</Sts><BookgDt><Dt>" + DAY
                        + "</Dt></BookgDt><ValDt><Dt>" + DAY + "</Dt></ValDt><AcctSvcrRef>B" + i
                        + "</AcctSvcrRef><NtryDtls><TxDtls>" + details + "</TxDtls></NtryDtls></Ntry>\n");
            }
            out.write("</Stmt></BkToCstmrStmt></Document>\n");
        }
        return new StatementFile(path, entries, matched, suspended, skipped);
    }
}
