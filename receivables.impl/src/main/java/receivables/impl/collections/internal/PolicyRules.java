package receivables.impl.collections.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import receivables.api.collections.DunningLevel;
import receivables.api.collections.DunningPolicy;
import receivables.api.collections.DunningPolicyRequest;
import receivables.impl.validation.internal.ValueRanges;
import receivables.impl.validation.internal.Violations;

/**
 * What a dunning policy must be, checked in one place: a request becomes a policy, with the defaults filled in, or is
 * refused naming every field that is wrong.
 */
final class PolicyRules {

    static final Pattern CODE = Pattern.compile("[A-Z0-9_-]{1,32}");
    static final int MAX_LEVELS = 20;
    static final int MAX_DAYS_BEFORE = 365;
    static final int MAX_DAYS_AFTER = 3650;
    static final int MAX_SEGMENTS = 100;
    static final int MAX_SEGMENT = 64;
    static final int MAX_NAME = 200;
    static final BigDecimal MAX_INTEREST = new BigDecimal("100");
    static final int DEFAULT_DAYS_BETWEEN = 7;
    static final String DEFAULT_CHARGE_TERMS = "NET14";
    static final Pattern CHANNEL = Pattern.compile("[a-z0-9-]{1,32}");
    static final String DEFAULT_CHANNEL = "email";
    static final List<String> LANGUAGES = List.of("zh-CN", "en");

    private PolicyRules() {
    }

    /** @throws receivables.api.InvalidRequestException naming every field that is wrong */
    static DunningPolicy policy(String code, DunningPolicyRequest request) {
        Violations violations = new Violations();
        if (code == null || !CODE.matcher(code).matches()) {
            violations.add("code", "must be 1 to 32 characters A-Z, 0-9, _ or -");
        }
        if (request == null) {
            violations.add("body", "is required").throwIfAny();
        }
        violations.required("name", request.name()).maxLength("name", request.name(), MAX_NAME)
                .inRange("name", request.name(), ValueRanges::textProblem);
        List<DunningLevel> levels = levels(request.levels(), violations);
        int daysBetween = request.minDaysBetweenNotices() == null ? DEFAULT_DAYS_BETWEEN : request.minDaysBetweenNotices();
        if (daysBetween < 0 || daysBetween > MAX_DAYS_BEFORE) {
            violations.add("minDaysBetweenNotices", "must be from 0 to " + MAX_DAYS_BEFORE);
        }
        BigDecimal minimum = request.minimumOverdue() == null ? BigDecimal.ZERO : request.minimumOverdue();
        nonNegativeAmount("minimumOverdue", minimum, violations);
        BigDecimal interest = request.annualInterestPercent() == null ? BigDecimal.ZERO : request.annualInterestPercent();
        if (interest.signum() < 0 || interest.compareTo(MAX_INTEREST) > 0
                || interest.stripTrailingZeros().scale() > 4) {
            violations.add("annualInterestPercent", "must be from 0 to 100 percent, with at most 4 decimals");
        }
        String terms = request.chargeTermsCode() == null || request.chargeTermsCode().isBlank() ? DEFAULT_CHARGE_TERMS
                : request.chargeTermsCode().strip();
        if (!CODE.matcher(terms).matches()) {
            violations.add("chargeTermsCode", "is not a payment terms code");
        }
        String language = request.language() == null || request.language().isBlank() ? "en" : request.language().strip();
        if (!LANGUAGES.contains(language)) {
            violations.add("language", "must be one of " + String.join(", ", LANGUAGES));
        }
        String channel = request.channel() == null || request.channel().isBlank() ? DEFAULT_CHANNEL : request.channel().strip();
        if (!CHANNEL.matcher(channel).matches()) {
            violations.add("channel", "must be 1 to 32 characters a-z, 0-9 or -");
        }
        List<String> segments = segments(request.segments(), violations);
        violations.throwIfAny();
        return new DunningPolicy(code, request.name().strip(), levels, daysBetween, minimum.setScale(4,
                RoundingMode.UNNECESSARY), interest.setScale(4, RoundingMode.UNNECESSARY), terms,
                language, channel, segments, Boolean.TRUE.equals(request.tenantDefault()), 0);
    }

    private static List<DunningLevel> levels(List<DunningLevel> given, Violations violations) {
        if (given == null || given.isEmpty()) {
            violations.add("levels", "must name at least one level");
            return List.of();
        }
        if (given.size() > MAX_LEVELS) {
            violations.add("levels", "must name at most " + MAX_LEVELS + " levels");
            return List.of();
        }
        List<DunningLevel> levels = new ArrayList<>();
        Integer previous = null;
        for (int i = 0; i < given.size(); i++) {
            String field = "levels[" + i + "]";
            DunningLevel level = given.get(i);
            if (level == null) {
                violations.add(field, "is required");
                continue;
            }
            int days = level.days();
            if (days == 0) {
                violations.add(field + ".days", "must not be 0: no notice goes out on the due date itself");
            } else if (days < -MAX_DAYS_BEFORE || days > MAX_DAYS_AFTER) {
                violations.add(field + ".days", "must be from -" + MAX_DAYS_BEFORE + " to " + MAX_DAYS_AFTER);
            } else if (previous != null && days <= previous) {
                violations.add(field + ".days", "must be more than the days of the level before it (" + previous + ")");
            }
            previous = days;
            BigDecimal fee = level.fee() == null ? BigDecimal.ZERO : level.fee();
            boolean wellFormed = nonNegativeAmount(field + ".fee", fee, violations);
            if (wellFormed && days < 0 && fee.signum() > 0) {
                violations.add(field + ".fee", "must be 0 for a reminder before the due date");
            }
            if (days < 0 && (level.creditHold() || level.escalateTo() != null)) {
                violations.add(field + (level.creditHold() ? ".creditHold" : ".escalateTo"),
                        "is for dunning levels after the due date, not reminders");
            }
            // A fee that is not well-formed is refused above; its level is never used.
            levels.add(new DunningLevel(days, wellFormed ? fee.setScale(4, RoundingMode.UNNECESSARY) : fee,
                    level.creditHold(), level.escalateTo()));
        }
        return levels;
    }

    /** Whether {@code amount} is a well-formed amount of 0 or more, with at most 4 decimals; records why not. */
    private static boolean nonNegativeAmount(String field, BigDecimal amount, Violations violations) {
        String problem = ValueRanges.decimalProblem(amount);
        if (problem == null && (amount.signum() < 0 || amount.stripTrailingZeros().scale() > 4)) {
            problem = "must be 0 or more, with at most 4 decimals";
        }
        if (problem != null) {
            violations.add(field, problem);
            return false;
        }
        return true;
    }

    private static List<String> segments(List<String> given, Violations violations) {
        if (given == null) {
            return List.of();
        }
        if (given.size() > MAX_SEGMENTS) {
            violations.add("segments", "must name at most " + MAX_SEGMENTS + " segments");
            return List.of();
        }
        Set<String> seen = new HashSet<>();
        List<String> segments = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            String field = "segments[" + i + "]";
            String segment = given.get(i);
            violations.required(field, segment).maxLength(field, segment, MAX_SEGMENT)
                    .inRange(field, segment, ValueRanges::textProblem);
            if (segment != null && !segment.isBlank()) {
                if (!seen.add(segment.strip())) {
                    violations.add(field, "is named twice");
                }
                segments.add(segment.strip());
            }
        }
        return segments;
    }
}
