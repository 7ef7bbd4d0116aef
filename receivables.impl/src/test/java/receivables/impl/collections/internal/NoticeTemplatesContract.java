package receivables.impl.collections.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import receivables.api.NotFoundException;
import receivables.api.TenantId;
import receivables.api.collections.NoticeTemplate;
import receivables.api.collections.NoticeTemplateRequest;
import receivables.api.collections.RenderedNotice;
import receivables.impl.ledger.OnLedger;

/** A tenant's notice templates and pay link: written, refused naming the field, previewed and taken back. */
abstract class NoticeTemplatesContract extends OnLedger {

    static final TenantId ACME = new TenantId("acme");
    static final TenantId OTHER = new TenantId("other");

    @Test
    void aTenantsTemplateReplacesTheDefaultForItsLevelAndLanguageOnly() {
        StoredNoticeTemplates templates = new StoredNoticeTemplates(database);
        assertThat(templates.find(ACME, "2", "zh-CN").custom()).isFalse();
        assertThat(templates.find(ACME, "reminder", "en").subject()).isEqualTo("Payment reminder");

        NoticeTemplate written = templates.define(ACME, "2", "zh-CN", new NoticeTemplateRequest("第{{level}}级催款：{{customer}}",
                "{{customer}}：\n{{items}}\n合计 {{total}}\n付款：{{payLink}}"));

        assertThat(written.custom()).isTrue();
        assertThat(templates.find(ACME, "2", "zh-CN")).isEqualTo(written);
        assertThat(templates.find(ACME, "3", "zh-CN").custom()).isFalse();
        assertThat(templates.find(ACME, "2", "en").custom()).isFalse();
        assertThat(templates.find(OTHER, "2", "zh-CN").custom()).isFalse();
        assertThat(templates.list(ACME)).containsExactly(written);

        templates.define(ACME, "2", "zh-CN", new NoticeTemplateRequest("新主题", "{{items}}"));
        assertThat(templates.find(ACME, "2", "zh-CN").subject()).isEqualTo("新主题");
        templates.reset(ACME, "2", "zh-CN");
        assertThat(templates.find(ACME, "2", "zh-CN").custom()).isFalse();
        assertThatThrownBy(() -> templates.reset(ACME, "2", "zh-CN")).isInstanceOf(NotFoundException.class);
    }

    @Test
    void badTemplatesLevelsAndLanguagesAreRefusedNamingTheFieldAndNothingIsStored() {
        StoredNoticeTemplates templates = new StoredNoticeTemplates(database);
        assertRefused(() -> templates.define(ACME, "1", "en", new NoticeTemplateRequest("{{customer}", "x")), "subject");
        assertRefused(() -> templates.define(ACME, "1", "en", new NoticeTemplateRequest("x", "{{amount}}")), "body");
        assertRefused(() -> templates.define(ACME, "1", "en", new NoticeTemplateRequest("x", null)), "body");
        assertRefused(() -> templates.define(ACME, "1", "en", null), "body");
        assertRefused(() -> templates.define(ACME, "0", "en", new NoticeTemplateRequest("x", "y")), "level");
        assertRefused(() -> templates.define(ACME, "21", "en", new NoticeTemplateRequest("x", "y")), "level");
        assertRefused(() -> templates.find(ACME, "../1", "en"), "level");
        assertRefused(() -> templates.find(ACME, "1", "de"), "language");
        assertRefused(() -> templates.payLink(ACME, "javascript:alert(1)//{{customerNumber}}"), "pattern");
        assertRefused(() -> templates.payLink(ACME, "https://pay.example/{{customer}}"), "pattern");
        assertThat(templates.list(ACME)).isEmpty();
        assertThat(templates.payLink(ACME)).isEmpty();
    }

    @Test
    void thePreviewFillsADraftOrTheTemplateInUseWithAnExampleAndThePayLink() {
        StoredNoticeTemplates templates = new StoredNoticeTemplates(database);
        assertThat(templates.payLink(ACME, "https://pay.example/c/{{customerNumber}}?t=1")).contains(
                "https://pay.example/c/{{customerNumber}}?t=1");

        RenderedNotice draft = templates.preview(ACME, "3", "en", new NoticeTemplateRequest("Level {{level}}",
                "Dear {{customer}}, pay {{total}} at {{payLink}}"));
        RenderedNotice inUse = templates.preview(ACME, "reminder", "zh-CN", null);

        assertThat(draft.subject()).isEqualTo("Level 3");
        assertThat(draft.text()).contains("Example Customer Ltd", "EUR", "https://pay.example/c/C-1001?t=1");
        assertThat(draft.html()).contains("<a href=\"https://pay.example/c/C-1001?t=1\">");
        assertThat(inUse.subject()).isEqualTo("付款提醒");
        assertThat(inUse.text()).contains("示例客户有限公司", "即将到期", "CNY");
        assertThat(templates.list(ACME)).isEmpty();
        assertThat(templates.payLink(ACME, null)).isEqualTo(Optional.empty());
        assertThat(templates.payLink(ACME)).isEmpty();
    }
}
