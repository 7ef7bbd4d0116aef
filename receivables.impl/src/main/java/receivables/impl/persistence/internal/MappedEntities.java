package receivables.impl.persistence.internal;

import java.util.List;

import receivables.impl.customer.internal.CustomerAccountEntity;

/**
 * Every entity class Hibernate maps. Listed, not scanned: scanning a bundle is fragile and slow.
 */
final class MappedEntities {

    static final List<Class<?>> ALL = List.of(CustomerAccountEntity.class);

    private MappedEntities() {
    }
}
