package receivables.impl.collections.internal;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import receivables.api.collections.NoticeTemplate;
import receivables.impl.audit.internal.Audited;
import receivables.impl.persistence.internal.TenantOwned;

@Audited("notice-template")
@Entity(name = "NoticeTemplate")
@Table(name = "notice_template")
public class NoticeTemplateEntity extends TenantOwned {

    /** {@code <level>/<language>}, e.g. {@code 2/zh-CN}. */
    @Id
    @Column(name = "template_key", length = 24)
    String key;

    @Column(nullable = false, length = 500)
    String subject;

    @Column(nullable = false, length = 20_000)
    String body;

    @Column(name = "updated_at", nullable = false)
    Instant updatedAt;

    @Version
    long version;

    protected NoticeTemplateEntity() {
    }

    NoticeTemplateEntity(String key) {
        this.key = key;
    }

    static String key(String level, String language) {
        return level + "/" + language;
    }

    NoticeTemplate toValue() {
        int slash = key.indexOf('/');
        return new NoticeTemplate(key.substring(0, slash), key.substring(slash + 1), subject, body, true);
    }
}
