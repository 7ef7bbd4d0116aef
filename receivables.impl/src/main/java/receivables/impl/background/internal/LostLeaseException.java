package receivables.impl.background.internal;

/** The work's lease was taken over by another node: this node must stop that work and write nothing more of it. */
public class LostLeaseException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    LostLeaseException(Lease lease) {
        super("the lease on " + lease + " was taken over by another node");
    }
}
