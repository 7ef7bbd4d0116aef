package receivables.impl.report.internal;

class AgingAfterUpgradeH2Test extends AgingAfterUpgradeContract {

    @Override
    boolean postgres() {
        return false;
    }
}
