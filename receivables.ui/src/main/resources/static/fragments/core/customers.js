// Customers: search by name, create one, and a customer's detail with the credit check, open items and statement.
import { attempt, badge, facts, fill, holds, pager, query, riskBadge, riskPercent, riskReason, withShared } from './common.js';

export const messages = withShared({
  en: {
    title: 'Customers',
    search: 'Search by name',
    find: 'Search',
    number: 'Number',
    name: 'Name',
    currency: 'Currency',
    email: 'E-mail',
    created: 'Created',
    none: 'No customer matches.',
    newCustomer: 'New customer',
    create: 'Create customer',
    createdOne: 'Customer {name} created.',
    back: 'Back to the list',
    phone: 'Phone',
    creditLimit: 'Credit limit',
    terms: 'Payment terms',
    creditCheck: 'Credit check',
    amount: 'Amount',
    check: 'Check',
    exposure: 'Exposure',
    limit: 'Limit',
    openItems: 'Open items',
    invoice: 'Invoice',
    installment: 'Installment',
    due: 'Due',
    openAmount: 'Open',
    daysOverdue: 'Days overdue',
    noOpenItems: 'Nothing is open.',
    statement: 'Statement',
    date: 'Date',
    kind: 'Movement',
    reference: 'Reference',
    debit: 'Debit',
    credit: 'Credit',
    balance: 'Balance',
    opening: 'Opening balance',
    closing: 'Closing balance',
    newInvoice: 'New invoice',
    recordPayment: 'Record payment',
    'kind.INVOICE': 'Invoice',
    'kind.PAYMENT': 'Payment',
    'kind.CREDIT_NOTE': 'Credit note',
    'kind.WRITE_OFF': 'Write-off',
    'kind.CASH_DISCOUNT': 'Early-payment discount',
    'kind.REFUND': 'Refund',
    'kind.PAYMENT_REVERSED': 'Payment reversed',
    showQr: 'Take payment',
    contacts: 'Collection timeline',
    logContact: 'Log a contact',
    contactKind: 'How',
    outcome: 'Outcome',
    notes: 'Notes',
    promisedAmount: 'Promised amount',
    promisedFor: 'Promised for',
    nextAction: 'Next action',
    nextActionOn: 'Next action on',
    logged: 'Contact logged.',
    noContacts: 'No notice sent, contact logged or promise made yet.',
    loggedBy: '{when} · {who}',
    older: 'Older entries',
    noticeSent: 'Notice at level {level}',
    noticeItems: '{count} items · {amount} overdue · {channel}',
    promiseMade: 'Promise to pay {amount}',
    disputeOpened: 'Dispute opened on invoice',
    disputeResolved: 'Dispute resolved on invoice',
    'delivery.PENDING': 'Not delivered yet',
    'delivery.DELIVERED': 'Delivered',
    'delivery.FAILED': 'Delivery failed',
    'delivery.UNREACHABLE': 'No channel reaches the customer',
    'contact.CALL': 'Call',
    'contact.EMAIL': 'E-mail',
    'contact.VISIT': 'Visit',
    'contact.LETTER': 'Letter',
    'contact.NOTE': 'Note',
    'outcome.REACHED': 'Reached',
    'outcome.NO_ANSWER': 'No answer',
    'outcome.LEFT_MESSAGE': 'Left a message',
    'outcome.PROMISED_TO_PAY': 'Promised to pay',
    'outcome.DISPUTED': 'Disputed',
    'outcome.REFUSED_TO_PAY': 'Refused to pay',
    'outcome.WRONG_CONTACT': 'Wrong contact',
    risk: 'Payment risk',
    riskScore: 'Score',
    riskProbability: 'Over 90 days late or never',
    expectedDaysLate: 'Expected days late',
    riskReasons: 'Main reasons',
    riskScoredOn: 'Scored on',
    notScored: 'Not scored yet: the risk model has not been trained, or has not seen this customer.',
  },
  'zh-CN': {
    title: '客户',
    search: '按名称搜索',
    find: '搜索',
    number: '编号',
    name: '名称',
    currency: '币种',
    email: '电子邮件',
    created: '创建时间',
    none: '没有匹配的客户。',
    newCustomer: '新客户',
    create: '创建客户',
    createdOne: '已创建客户 {name}。',
    back: '返回列表',
    phone: '电话',
    creditLimit: '信用额度',
    terms: '付款条件',
    creditCheck: '信用检查',
    amount: '金额',
    check: '检查',
    exposure: '风险敞口',
    limit: '额度',
    openItems: '未结项目',
    invoice: '发票',
    installment: '分期',
    due: '到期日',
    openAmount: '未结金额',
    daysOverdue: '逾期天数',
    noOpenItems: '没有未结款项。',
    statement: '对账单',
    date: '日期',
    kind: '业务',
    reference: '参考号',
    debit: '借方',
    credit: '贷方',
    balance: '余额',
    opening: '期初余额',
    closing: '期末余额',
    newInvoice: '新建发票',
    recordPayment: '记录付款',
    'kind.INVOICE': '发票',
    'kind.PAYMENT': '付款',
    'kind.CREDIT_NOTE': '贷项通知单',
    'kind.WRITE_OFF': '核销',
    'kind.CASH_DISCOUNT': '提前付款折扣',
    'kind.REFUND': '退款',
    'kind.PAYMENT_REVERSED': '付款冲销',
    showQr: '收款',
    contacts: '催收时间线',
    logContact: '记录联系',
    contactKind: '方式',
    outcome: '结果',
    notes: '备注',
    promisedAmount: '承诺金额',
    promisedFor: '承诺付款日',
    nextAction: '下一步行动',
    nextActionOn: '下一步行动日期',
    logged: '已记录联系。',
    noContacts: '尚无催收通知、联系记录或付款承诺。',
    loggedBy: '{when} · {who}',
    older: '更早的记录',
    noticeSent: '{level} 级催收通知',
    noticeItems: '{count} 项 · 逾期 {amount} · {channel}',
    promiseMade: '承诺付款 {amount}',
    disputeOpened: '客户对发票提出争议',
    disputeResolved: '发票争议已解决',
    'delivery.PENDING': '尚未送达',
    'delivery.DELIVERED': '已送达',
    'delivery.FAILED': '送达失败',
    'delivery.UNREACHABLE': '无可用渠道联系客户',
    'contact.CALL': '电话',
    'contact.EMAIL': '电子邮件',
    'contact.VISIT': '拜访',
    'contact.LETTER': '信函',
    'contact.NOTE': '备注',
    'outcome.REACHED': '已联系上',
    'outcome.NO_ANSWER': '无人接听',
    'outcome.LEFT_MESSAGE': '已留言',
    'outcome.PROMISED_TO_PAY': '承诺付款',
    'outcome.DISPUTED': '有争议',
    'outcome.REFUSED_TO_PAY': '拒绝付款',
    'outcome.WRONG_CONTACT': '联系人有误',
    risk: '付款风险',
    riskScore: '评分',
    riskProbability: '逾期超过 90 天或不付款的概率',
    expectedDaysLate: '预计逾期天数',
    riskReasons: '主要原因',
    riskScoredOn: '评分日期',
    notScored: '尚未评分：风险模型尚未训练，或尚未见过此客户。',
  },
});

const CONTACT_KINDS = ['CALL', 'EMAIL', 'VISIT', 'LETTER', 'NOTE'];
const OUTCOMES = ['REACHED', 'NO_ANSWER', 'LEFT_MESSAGE', 'PROMISED_TO_PAY', 'DISPUTED', 'REFUSED_TO_PAY', 'WRONG_CONTACT'];


/** An amount of a statement's debit or credit column, blank where the movement has none. */
const shown = (context, money) => (money && !context.decimal.isZero(money.amount) ? context.format.money(money) : '');

export function render(container, context) {
  return context.params.id ? detail(container, context, context.params.id) : list(container, context);
}

async function list(container, context) {
  const { h, t, format } = context;
  const name = h('input', { type: 'search', name: 'name', value: context.params.name || '' });
  const results = h('div');
  const search = h('form', { className: 'inline', role: 'search' }, context.field(t('search'), name),
    h('button', { type: 'submit', textContent: t('find') }));

  const newName = h('input', { name: 'name', required: true, maxLength: 200 });
  const newNumber = h('input', { name: 'number', maxLength: 64 });
  const newCurrency = h('input', { name: 'currency', required: true, value: 'EUR', maxLength: 3, size: 4, autocapitalize: 'characters' });
  const newEmail = h('input', { name: 'email', type: 'email' });
  const note = h('div', { role: 'status' });
  const create = h('form', { className: 'grid-form card', 'aria-labelledby': 'new-customer' },
    h('h2', { id: 'new-customer', textContent: t('newCustomer') }),
    context.field(t('name'), newName), context.field(t('number'), newNumber),
    context.field(t('currency'), newCurrency), context.field(t('email'), newEmail),
    h('button', { type: 'submit', className: 'primary', textContent: t('create') }), note);

  container.replaceChildren(h('h1', { textContent: t('title') }), search, results, create);

  async function load(page = 0) {
    const found = await context.json(`/api/v1/customers?${query({ name: name.value.trim(), page, size: 20 })}`);
    results.replaceChildren(found.items.length === 0 ? h('p', { textContent: t('none') }) : context.table(
      [t('number'), t('name'), t('currency'), t('created')],
      found.items.map((customer) => h('tr', {},
        h('td', { textContent: customer.number || '' }),
        h('td', {}, h('a', { href: `#/core.customers?id=${encodeURIComponent(customer.id)}`, textContent: customer.name })),
        h('td', { textContent: customer.currency }),
        h('td', { textContent: format.instant(customer.createdAt) })))),
    pager(context, found, (next) => load(next)));
  }

  search.addEventListener('submit', (event) => {
    event.preventDefault();
    attempt(context, results, () => load());
  });
  create.addEventListener('submit', async (event) => {
    event.preventDefault();
    const body = { name: newName.value.trim(), currency: newCurrency.value.trim().toUpperCase() };
    if (newNumber.value.trim()) body.number = newNumber.value.trim();
    if (newEmail.value.trim()) body.email = newEmail.value.trim();
    let created;
    if (await attempt(context, note, async () => { created = await context.json('/api/v1/customers', { method: 'POST', body }); })) {
      create.reset();
      newCurrency.value = body.currency;
      note.replaceChildren(h('p', { className: 'ok' }, t('createdOne', { name: created.name }), ' ',
        h('a', { href: `#/core.customers?id=${encodeURIComponent(created.id)}`, textContent: t('open') })));
      await load();
    }
  });
  await attempt(context, results, () => load());
}

async function detail(container, context, id) {
  const { h, t, format } = context;
  const customer = await context.json(`/api/v1/customers/${encodeURIComponent(id)}`);
  const base = `/api/v1/customers/${encodeURIComponent(id)}`;

  const amount = h('input', { name: 'amount', inputMode: 'decimal', value: '0', size: 12 });
  const decision = h('div', { role: 'status' });
  const check = h('form', { className: 'inline' }, context.field(`${t('amount')} (${customer.currency})`, amount),
    h('button', { type: 'submit', textContent: t('check') }));
  check.addEventListener('submit', (event) => {
    event.preventDefault();
    attempt(context, decision, async () => {
      const result = await context.json(`${base}/credit-check?${query({ amount: amount.value.trim() })}`);
      decision.replaceChildren(badge(context, result.outcome), ' ',
        facts(context, [[t('exposure'), format.money(result.exposure)], [t('limit'), format.money(result.limit)]]),
        h('ul', {}, result.reasons.map((reason) => h('li', { textContent: reason }))));
    });
  });

  const openItems = h('div');
  const statement = h('div');
  const takesPayments = holds(context, 'CLERK', 'COLLECTOR');
  const contacts = h('section', { className: 'card' }, h('h2', { textContent: t('contacts') }));
  const risk = h('div');
  const readsRisk = holds(context, 'FINANCE_MANAGER', 'AUDITOR');
  fill(container,
    h('p', {}, h('a', { href: '#/core.customers', textContent: t('back') })),
    h('h1', { textContent: customer.name }),
    facts(context, [[t('number'), customer.number], [t('currency'), customer.currency], [t('email'), customer.email],
      [t('phone'), customer.phone], [t('terms'), customer.paymentTermsCode],
      [t('creditLimit'), customer.creditLimit === null || customer.creditLimit === undefined ? null
        : format.money({ amount: customer.creditLimit, currency: customer.currency })]]),
    h('p', { className: 'actions' },
      h('a', { className: 'button', href: `#/core.invoices?${query({ customerId: id, create: 1 })}`, textContent: t('newInvoice') }), ' ',
      h('a', { className: 'button', href: `#/core.payments?${query({ record: 1, customerId: id })}`, textContent: t('recordPayment') })),
    h('section', { className: 'card' }, h('h2', { textContent: t('creditCheck') }), check, decision),
    readsRisk ? h('section', { className: 'card' }, h('h2', { textContent: t('risk') }), risk) : null,
    h('section', { className: 'card' }, h('h2', { textContent: t('openItems') }), openItems),
    contacts,
    h('section', { className: 'card' }, h('h2', { textContent: t('statement') }), statement));

  await Promise.all([
    contactLog(context, contacts, base),
    readsRisk ? attempt(context, risk, async () => {
      const score = await context.json(`/api/v1/risk/customers/${encodeURIComponent(id)}`).catch((problem) => {
        if (problem && problem.status === 404) return null;
        throw problem;
      });
      risk.replaceChildren(score === null ? h('p', { className: 'muted', textContent: t('notScored') }) : facts(context, [
        [t('riskScore'), riskBadge(context, score.score)],
        [t('riskProbability'), riskPercent(context, score.probabilityOver90)],
        [t('expectedDaysLate'), format.number(score.expectedDaysLate)],
        [t('riskReasons'), score.reasons.length ? h('ul', { className: 'reasons' }, score.reasons.map((reason) => h('li', { textContent: riskReason(context, reason) }))) : null],
        [t('riskScoredOn'), format.day(score.scoredOn)]]));
    }) : null,
    attempt(context, openItems, async () => {
      const items = await context.json(`${base}/open-items?asOf=${format.today()}`);
      openItems.replaceChildren(items.length === 0 ? h('p', { textContent: t('noOpenItems') }) : context.table(
        [t('invoice'), t('installment'), t('due'), t('openAmount'), t('daysOverdue'), ...(takesPayments ? [''] : [])],
        items.map((item) => h('tr', {},
          h('td', {}, h('a', { href: `#/core.invoices?id=${encodeURIComponent(item.invoiceId)}`, textContent: item.invoiceNumber })),
          h('td', { textContent: String(item.installment) }),
          h('td', { textContent: format.day(item.dueDate) }),
          h('td', { className: 'amount', textContent: format.money(item.open) }),
          h('td', {}, item.daysOverdue > 0 ? h('span', { className: 'badge overdue', textContent: format.number(item.daysOverdue) }) : ''),
          takesPayments ? h('td', {}, h('a', { className: 'button', href: `#/core.intents?${query({ invoiceId: item.invoiceId, customerId: customer.id })}`,
            textContent: t('showQr') })) : null))));
    }),
    attempt(context, statement, async () => {
      const result = await context.json(`${base}/statement`);
      statement.replaceChildren(
        facts(context, [[t('opening'), format.money(result.openingBalance)], [t('closing'), format.money(result.closingBalance)]]),
        context.table([t('date'), t('kind'), t('reference'), t('debit'), t('credit'), t('balance')],
          result.movements.map((movement) => h('tr', {},
            h('td', { textContent: format.day(movement.date) }),
            h('td', { textContent: t(`kind.${movement.kind}`) }),
            h('td', { textContent: movement.reference || '' }),
            h('td', { className: 'amount', textContent: shown(context, movement.debit) }),
            h('td', { className: 'amount', textContent: shown(context, movement.credit) }),
            h('td', { className: 'amount', textContent: format.money(movement.balance) })))));
    }),
  ]);
}

/**
 * The customer's collection timeline (notices, contacts, promises), newest first, and (for those who may) a form to
 * log a contact.
 */
async function contactLog(context, section, base) {
  const { h, t, format } = context;
  const list = h('div');
  const note = h('div', { role: 'status' });
  const select = (name, values, prefix) => h('select', { name, required: true },
    values.map((value) => h('option', { value, textContent: t(`${prefix}.${value}`) })));
  const kind = select('kind', CONTACT_KINDS, 'contact');
  const outcome = select('outcome', OUTCOMES, 'outcome');
  const notes = h('textarea', { name: 'notes', rows: 2, maxLength: 2000 });
  const promisedAmount = h('input', { name: 'promisedAmount', inputMode: 'decimal' });
  const promisedFor = h('input', { name: 'promisedFor', type: 'date' });
  const nextAction = h('input', { name: 'nextAction', maxLength: 200 });
  const nextActionOn = h('input', { name: 'nextActionOn', type: 'date' });
  const form = h('form', { className: 'grid-form', 'aria-label': t('logContact') },
    context.field(t('contactKind'), kind), context.field(t('outcome'), outcome), context.field(t('notes'), notes),
    context.field(t('promisedAmount'), promisedAmount), context.field(t('promisedFor'), promisedFor),
    context.field(t('nextAction'), nextAction), context.field(t('nextActionOn'), nextActionOn),
    h('button', { type: 'submit', className: 'primary', textContent: t('logContact') }), note);
  const optional = (value) => value.trim() || undefined;
  // Activities name their author by id: the person signed in reads their own name.
  const me = context.session.user || {};
  const author = (actor) => (actor === me.id ? me.displayName || me.username : actor);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const body = { kind: kind.value, outcome: outcome.value, notes: optional(notes.value),
      promisedAmount: optional(promisedAmount.value), promisedFor: optional(promisedFor.value),
      nextAction: optional(nextAction.value), nextActionOn: optional(nextActionOn.value) };
    if (await attempt(context, note, () => context.json(`/api/v1/collections/${base.slice('/api/v1/'.length)}/activities`,
      { method: 'POST', body }))) {
      form.reset();
      note.replaceChildren(h('p', { className: 'ok', textContent: t('logged') }));
      await attempt(context, list, load);
    }
  });
  // One page of the merged timeline at a time; older ones are appended on request.
  const TIMELINE_PAGE = 20;
  const entry = (item) => {
    const when = format.instant(item.at);
    if (item.kind === 'NOTICE') {
      return h('li', {},
        h('strong', { textContent: `${t('noticeSent', { level: item.level })} · ${t(`delivery.${item.delivery}`)}` }), ' ',
        h('span', { className: 'muted', textContent: when }),
        h('p', { textContent: t('noticeItems', { count: format.number(item.items), amount: format.money(item.amount),
          channel: item.channel }) }));
    }
    if (item.kind === 'DISPUTE_OPENED' || item.kind === 'DISPUTE_RESOLVED') {
      return h('li', {},
        h('strong', {}, `${t(item.kind === 'DISPUTE_OPENED' ? 'disputeOpened' : 'disputeResolved')} `,
          h('a', { href: `#/core.invoices?id=${encodeURIComponent(item.invoiceId)}`, textContent: item.invoiceNumber })), ' ',
        h('span', { className: 'muted', textContent: when }), item.text ? h('p', { textContent: item.text }) : null);
    }
    if (item.kind === 'PROMISE') {
      return h('li', {}, h('strong', { textContent: t('promiseMade', { amount: format.money(item.amount) }) }), ' ',
        h('span', { className: 'muted', textContent: when }), item.text ? h('p', { textContent: item.text }) : null);
    }
    return h('li', {},
      h('strong', { textContent: [t(`contact.${item.activity}`), item.outcome ? t(`outcome.${item.outcome}`) : null]
        .filter(Boolean).join(' · ') }), ' ',
      h('span', { className: 'muted', textContent: t('loggedBy', { when, who: author(item.actor) }) }),
      item.text ? h('p', { textContent: item.text }) : null,
      item.nextAction ? h('p', { textContent: `${t('nextAction')}: ${item.nextAction}${item.nextActionOn
        ? ` (${format.day(item.nextActionOn)})` : ''}` }) : null);
  };
  async function load() {
    const timeline = `/api/v1/collections/${base.slice('/api/v1/'.length)}/timeline`;
    const first = await context.json(`${timeline}?${query({ page: 0, size: TIMELINE_PAGE })}`);
    if (first.length === 0) {
      list.replaceChildren(h('p', { textContent: t('noContacts') }));
      return;
    }
    const entries = h('ol', { className: 'contacts' }, first.map(entry));
    const more = h('button', { type: 'button', textContent: t('older'), hidden: first.length < TIMELINE_PAGE });
    let page = 0;
    more.addEventListener('click', () => attempt(context, list, async () => {
      page += 1;
      const next = await context.json(`${timeline}?${query({ page, size: TIMELINE_PAGE })}`);
      entries.append(...next.map(entry));
      more.hidden = next.length < TIMELINE_PAGE;
    }));
    list.replaceChildren(entries, more);
  }
  section.append(list, holds(context, 'CLERK', 'COLLECTOR', 'FINANCE_MANAGER')
    ? h('details', {}, h('summary', { textContent: t('logContact') }), form) : null);
  await attempt(context, list, load);
}

export default render;
