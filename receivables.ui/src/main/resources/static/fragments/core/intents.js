// Payment intents: start one for an invoice with a provider the tenant may use, and show its instructions — the
// provider's own fragment in the payment.instructions slot when it brings one, else the QR code drawn as an
// image, the redirect link, or the bank details with their EPC QR code. The intent's state follows live. Started from
// a customer (as a collector does on the phone), the invoices offered are that customer's open items.
import { attempt, fill, badge, facts, holds, query, withShared } from './common.js';

const FINAL = new Set(['SUCCEEDED', 'FAILED', 'EXPIRED', 'CANCELED', 'REFUNDED', 'PARTIALLY_REFUNDED']);

export const messages = withShared({
  en: {
    title: 'Payment intents',
    invoice: 'Invoice',
    provider: 'Provider',
    noProvider: 'No payment provider is enabled for this tenant.',
    amount: 'Amount (empty: all that is open)',
    amountShown: 'Amount',
    start: 'Start payment',
    intents: 'Intents of this invoice',
    none: 'No intent yet.',
    chooseInvoice: 'Choose an open invoice',
    instructions: 'How to pay',
    scanQr: 'QR code to scan',
    payOnline: 'Pay online',
    beneficiary: 'Beneficiary',
    iban: 'IBAN',
    bic: 'BIC',
    account: 'Account',
    reference: 'Reference',
    epcQr: 'EPC QR code for a banking app',
    lastError: 'Last error',
    created: 'Created',
    history: 'History',
    cancel: 'Cancel the intent',
    back: 'Back to the invoice',
    backToCustomer: 'Back to the customer',
    fromWorklist: 'Start from a customer of your worklist:',
    worklist: 'Collections',
    status: 'Status',
    paidBy: 'Paid: payment {number}',
  },
  'zh-CN': {
    title: '支付意向',
    invoice: '发票',
    provider: '支付服务商',
    noProvider: '此租户尚未启用任何支付服务商。',
    amount: '金额（留空：全部未结金额）',
    amountShown: '金额',
    start: '发起付款',
    intents: '此发票的支付意向',
    none: '尚无支付意向。',
    chooseInvoice: '选择一张未结发票',
    instructions: '付款方式',
    scanQr: '扫描二维码',
    payOnline: '在线支付',
    beneficiary: '收款人',
    iban: 'IBAN',
    bic: 'BIC',
    account: '账号',
    reference: '参考号',
    epcQr: '供银行应用扫描的 EPC 二维码',
    lastError: '最近的错误',
    created: '创建时间',
    history: '历史',
    cancel: '取消支付意向',
    back: '返回发票',
    backToCustomer: '返回客户',
    fromWorklist: '请从催收工作清单中的客户发起：',
    worklist: '催收',
    status: '状态',
    paidBy: '已付款：付款 {number}',
  },
});

export function render(container, context) {
  return context.params.id ? shown(container, context, context.params.id) : start(container, context);
}

/** Whether the person reads every invoice, not only (as a collector) those of the customers assigned to them. */
const readsInvoices = (context) => holds(context, 'CLERK', 'FINANCE_MANAGER', 'AUDITOR');

/** The open invoices to choose from ({id, number, open}): the customer's when one is given, else the tenant's. */
async function openInvoices(context) {
  const { customerId } = context.params;
  if (customerId) {
    const items = await context.json(`/api/v1/customers/${encodeURIComponent(customerId)}/open-items?${query({ asOf: context.format.today() })}`);
    const byInvoice = new Map();
    items.forEach((item) => {
      const seen = byInvoice.get(item.invoiceId);
      byInvoice.set(item.invoiceId, { id: item.invoiceId, number: item.invoiceNumber, open: seen
        ? { amount: context.decimal.sum([seen.open.amount, item.open.amount]), currency: item.open.currency } : item.open });
    });
    return [...byInvoice.values()];
  }
  const invoices = await context.json(`/api/v1/invoices?${query({ size: 100, sort: 'dueDate' })}`);
  return invoices.items.filter((i) => i.number && i.open);
}

async function start(container, context) {
  const { h, t, format } = context;
  if (!context.params.customerId && !readsInvoices(context)) {
    fill(container, h('h1', { textContent: t('title') }),
      h('p', {}, t('fromWorklist'), ' ', h('a', { href: '#/core.collections', textContent: t('worklist') })));
    return;
  }
  const [providers, invoices] = await Promise.all([context.json('/api/v1/payment-providers'), openInvoices(context)]);
  const open = invoices.filter((i) => !context.decimal.isZero(i.open.amount));
  const invoice = h('select', { name: 'invoiceId', required: true }, h('option', { value: '', textContent: t('chooseInvoice') }),
    open.map((i) => h('option', { value: i.id, textContent: `${i.number} · ${format.money(i.open)}`, selected: i.id === context.params.invoiceId })));
  const provider = h('select', { name: 'provider', required: true }, providers.map((p) => h('option', { value: p.id, textContent: p.name })));
  const amount = h('input', { name: 'amount', inputMode: 'decimal' });
  const note = h('div', { role: 'status' });
  const existing = h('div');
  const form = h('form', { className: 'grid-form card' }, context.field(t('invoice'), invoice), context.field(t('provider'), provider),
    context.field(t('amount'), amount), h('button', { type: 'submit', className: 'primary', textContent: t('start'), disabled: providers.length === 0 }), note);
  fill(container, h('h1', { textContent: t('title') }),
    providers.length === 0 ? h('p', { className: 'problem', textContent: t('noProvider') }) : null, form,
    h('h2', { textContent: t('intents') }), existing);
  const key = context.idempotencyKey();
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    let intent;
    if (await attempt(context, note, async () => {
      intent = await context.json('/api/v1/payment-intents', { method: 'POST', headers: { 'Idempotency-Key': key },
        body: { invoiceId: invoice.value, provider: provider.value, amount: amount.value.trim() || undefined } });
    })) context.navigate('core.intents', { id: intent.id });
  });
  const listExisting = () => attempt(context, existing, async () => {
    if (!invoice.value) { existing.replaceChildren(); return; }
    const intents = await context.json(`/api/v1/payment-intents?${query({ invoiceId: invoice.value })}`);
    existing.replaceChildren(intents.length === 0 ? h('p', { textContent: t('none') }) : context.table(
      [t('created'), t('provider'), t('status'), t('amountShown')], intents.map((i) => h('tr', {},
        h('td', {}, h('a', { href: `#/core.intents?id=${encodeURIComponent(i.id)}`, textContent: format.instant(i.createdAt) })),
        h('td', { textContent: i.provider }), h('td', {}, badge(context, i.status)),
        h('td', { className: 'amount', textContent: format.money(i.amount) })))));
  });
  invoice.addEventListener('change', listExisting);
  await listExisting();
}

/** The intent, shown again when a payment arrives and, while it waits, every few seconds. */
async function shown(container, context, id) {
  let intent = await detail(container, context, id);
  const again = async () => {
    if (!container.isConnected || FINAL.has(intent.status)) return;
    intent = await detail(container, context, id).catch(() => intent);
  };
  context.on('receivables/payment', () => again());
  const timer = setInterval(() => (container.isConnected ? again() : clearInterval(timer)), 3000);
  if (context.signal) context.signal.addEventListener('abort', () => clearInterval(timer));
}

async function detail(container, context, id) {
  const { h, t, format } = context;
  const intent = await context.json(`/api/v1/payment-intents/${encodeURIComponent(id)}`);
  const note = h('div', { role: 'status' });
  const instructions = h('div', { className: 'instructions' });
  const paid = intent.paymentId && readsInvoices(context) ? await context.json(`/api/v1/payments/${encodeURIComponent(intent.paymentId)}`).catch(() => null) : null;
  fill(container,
    h('p', {}, readsInvoices(context) ? h('a', { href: `#/core.invoices?id=${encodeURIComponent(intent.invoiceId)}`, textContent: t('back') })
      : h('a', { href: `#/core.customers?id=${encodeURIComponent(intent.customerId)}`, textContent: t('backToCustomer') })),
    h('h1', {}, `${t('title')} `, h('span', { className: 'intent-status', 'data-status': intent.status }, badge(context, intent.status))),
    paid ? h('p', { className: 'ok' }, h('a', { href: `#/core.payments?id=${encodeURIComponent(paid.id)}`, textContent: t('paidBy', { number: paid.number }) })) : null,
    facts(context, [[t('provider'), intent.provider], [t('amountShown'), format.money(intent.amount)], [t('created'), format.instant(intent.createdAt)],
      [t('lastError'), intent.lastError]]),
    FINAL.has(intent.status) ? null : h('section', { className: 'card' }, h('h2', { textContent: t('instructions') }), instructions),
    FINAL.has(intent.status) || !holds(context, 'CLERK') ? null : h('p', {}, h('button', { type: 'button', textContent: t('cancel'), onclick: () => attempt(context, note, async () => {
      await context.json(`/api/v1/payment-intents/${encodeURIComponent(id)}/cancel`, { method: 'POST', body: {} });
      await detail(container, context, id);
    }) })),
    note,
    h('h2', { textContent: t('history') }),
    h('ol', { className: 'history' }, (intent.history || []).map((step) => h('li', {},
      h('time', { textContent: format.instant(step.at) }), ' ', badge(context, step.to), step.detail ? ` ${step.detail}` : ''))));
  if (!FINAL.has(intent.status) && intent.instructions) {
    const own = await context.slot('payment.instructions', instructions, intent, (f) => f.feature === `provider:${intent.provider}`);
    if (own === 0) instructions.replaceChildren(builtIn(context, intent.instructions));
  }
  return intent;
}

function builtIn(context, instructions) {
  const { h, t, format } = context;
  const qr = (alt) => {
    try {
      return instructions.qrPayload ? context.qrImage(instructions.qrPayload, alt) : null;
    } catch (tooLong) {
      return h('p', { className: 'problem', textContent: tooLong.message });
    }
  };
  if (instructions.kind === 'REDIRECT') {
    const url = String(instructions.redirectUrl || '');
    return /^https?:\/\//i.test(url) ? h('p', {}, h('a', { className: 'button primary', href: url, rel: 'noopener', target: '_blank', textContent: t('payOnline') }))
      : h('p', { textContent: url });
  }
  if (instructions.kind === 'BANK_TRANSFER' && instructions.bankTransfer) {
    const transfer = instructions.bankTransfer;
    return h('div', {}, facts(context, [[t('beneficiary'), transfer.beneficiary], [t('iban'), transfer.iban], [t('bic'), transfer.bic],
      [t('account'), transfer.localAccount], [t('amountShown'), format.money(transfer.amount)], [t('reference'), transfer.reference]]),
    instructions.qrPayload ? h('figure', { className: 'qr-figure' }, qr(t('epcQr')), h('figcaption', { textContent: t('epcQr') })) : null);
  }
  return h('figure', { className: 'qr-figure' }, qr(t('scanQr')), h('figcaption', {}, h('code', { textContent: instructions.qrPayload || '' })));
}

export default render;
