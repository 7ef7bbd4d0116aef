package receivables.impl.report.internal;

class AgingAfterUpgradePostgresTest extends AgingAfterUpgradeContract {

    @Override
    boolean postgres() {
        return true;
    }
}
