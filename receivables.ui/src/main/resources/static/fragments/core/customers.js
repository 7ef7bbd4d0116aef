// Customers: search by name, create one, and a customer's detail with the credit check, open items and statement.
import { attempt, badge, facts, pager, query, withShared } from './common.js';

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
  },
});

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
  container.replaceChildren(
    h('p', {}, h('a', { href: '#/core.customers', textContent: t('back') })),
    h('h1', { textContent: customer.name }),
    facts(context, [[t('number'), customer.number], [t('currency'), customer.currency], [t('email'), customer.email],
      [t('phone'), customer.phone], [t('terms'), customer.paymentTermsCode],
      [t('creditLimit'), customer.creditLimit === null || customer.creditLimit === undefined ? null
        : format.money({ amount: customer.creditLimit, currency: customer.currency })]]),
    h('p', { className: 'actions' },
      h('a', { className: 'button', href: `#/core.invoices?${query({ customerId: id, create: 1 })}`, textContent: t('newInvoice') }), ' ',
      h('a', { className: 'button', href: `#/core.payments?${query({ customerId: id })}`, textContent: t('recordPayment') })),
    h('section', { className: 'card' }, h('h2', { textContent: t('creditCheck') }), check, decision),
    h('section', { className: 'card' }, h('h2', { textContent: t('openItems') }), openItems),
    h('section', { className: 'card' }, h('h2', { textContent: t('statement') }), statement));

  await Promise.all([
    attempt(context, openItems, async () => {
      const items = await context.json(`${base}/open-items?asOf=${format.today()}`);
      openItems.replaceChildren(items.length === 0 ? h('p', { textContent: t('noOpenItems') }) : context.table(
        [t('invoice'), t('installment'), t('due'), t('openAmount'), t('daysOverdue')],
        items.map((item) => h('tr', {},
          h('td', {}, h('a', { href: `#/core.invoices?id=${encodeURIComponent(item.invoiceId)}`, textContent: item.invoiceNumber })),
          h('td', { textContent: String(item.installment) }),
          h('td', { textContent: format.day(item.dueDate) }),
          h('td', { className: 'amount', textContent: format.money(item.open) }),
          h('td', {}, item.daysOverdue > 0 ? h('span', { className: 'badge overdue', textContent: format.number(item.daysOverdue) }) : '')))));
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

export default render;
