package receivables.impl.collections.internal;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import receivables.api.channel.AddressKind;
import receivables.api.channel.ChannelContext;
import receivables.api.channel.NoticeChannel;
import receivables.api.channel.NoticeDelivery;
import receivables.api.channel.NoticeMessage;

/** A channel that keeps what it is given and answers as the test scripts it. */
final class RecordingChannel implements NoticeChannel {

    final List<NoticeMessage> sent = new CopyOnWriteArrayList<>();
    private final AddressKind address;
    private volatile Function<NoticeMessage, NoticeDelivery> answer = message -> NoticeDelivery.delivered("250 OK");

    /** A channel that sends to e-mail addresses. */
    RecordingChannel() {
        this(AddressKind.EMAIL);
    }

    RecordingChannel(AddressKind address) {
        this.address = address;
    }

    @Override
    public AddressKind address() {
        return address;
    }

    void answer(Function<NoticeMessage, NoticeDelivery> answer) {
        this.answer = answer;
    }

    @Override
    public NoticeDelivery deliver(ChannelContext context, NoticeMessage message) {
        sent.add(message);
        return answer.apply(message);
    }
}
