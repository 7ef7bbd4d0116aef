package receivables.api.money;

import java.util.Map;
import java.util.TreeMap;

/**
 * The active currencies of ISO 4217 (list one, as amended up to 2026) with their minor units. The JDK's
 * {@code java.util.Currency} is no guide: it also knows withdrawn codes (DEM, HRK, SLL…), testing and
 * no-currency codes (XTS, XXX), precious metals (XAU) and units of account without minor units (XDR), and,
 * depending on the JDK, not the newest ones (VED, SLE, ZWG, XCG).
 */
final class ActiveCurrencies {

    /** Code and minor units, grouped by minor units. */
    private static final String TABLE = """
            0: BIF CLP DJF GNF ISK JPY KMF KRW PYG RWF UGX UYI VND VUV XAF XOF XPF
            2: AED AFN ALL AMD AOA ARS AUD AWG AZN BAM BBD BDT BMD BND BOB BOV BRL BSD BTN BWP BYN BZD CAD CDF CHE
               CHF CHW CNY COP COU CRC CUP CVE CZK DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS GIP GMD GTQ GYD
               HKD HNL HTG HUF IDR ILS INR IRR JMD KES KGS KHR KPW KYD KZT LAK LBP LKR LRD LSL MAD MDL MGA MKD MMK
               MNT MOP MRU MUR MVR MWK MXN MXV MYR MZN NAD NGN NIO NOK NPR NZD PAB PEN PGK PHP PKR PLN QAR RON RSD
               RUB SAR SBD SCR SDG SEK SGD SHP SLE SOS SRD SSP STN SVC SYP SZL THB TJS TMT TOP TRY TTD TWD TZS UAH
               USD USN UYU UZS VED VES WST XCD XCG YER ZAR ZMW ZWG
            3: BHD IQD JOD KWD LYD OMR TND
            4: CLF UYW
            """;

    static final Map<String, Integer> MINOR_UNITS = parse();

    private ActiveCurrencies() {
    }

    private static Map<String, Integer> parse() {
        Map<String, Integer> units = new TreeMap<>();
        int digits = -1;
        for (String token : TABLE.split("\\s+")) {
            if (token.endsWith(":")) {
                digits = Integer.parseInt(token.substring(0, token.length() - 1));
            } else if (!token.isEmpty()) {
                units.put(token, digits);
            }
        }
        return Map.copyOf(units);
    }
}
