// What the core screens share: a pager, a status badge, a problem line and form reading. Each screen has its own
// messages; the words used here come from the screen that calls.

/** Replaces the container's children with those given, leaving out the ones a condition left null. */
export function fill(container, ...children) {
  container.replaceChildren(...children.flat().filter((child) => child !== null && child !== undefined && child !== false));
}

/** A line for a refused request: the problem's text, its fields named. */
export function problemLine(context, problem) {
  return context.h('p', { className: 'problem', role: 'alert', textContent: problem && problem.status ? problem.message
    : context.t('noAnswer', { reason: problem && problem.message }) });
}

/** Runs action; shows its problem in note (or clears note) and returns whether it succeeded. */
export async function attempt(context, note, action) {
  note.replaceChildren();
  try {
    await action();
    return true;
  } catch (problem) {
    note.replaceChildren(problemLine(context, problem));
    return false;
  }
}

export function badge(context, status) {
  return context.h('span', { className: `badge ${String(status).toLowerCase()}`, textContent: context.t(`status.${status}`) });
}

/** Previous and next buttons for a page of the API ({items, page, size, totalItems}). */
export function pager(context, page, go) {
  const { h, t } = context;
  const pages = Math.max(1, Math.ceil(page.totalItems / Math.max(1, page.size)));
  return h('p', { className: 'pager' }, t('pager', { total: context.format.number(page.totalItems), page: page.page + 1, pages }), ' ',
    h('button', { type: 'button', textContent: t('previous'), disabled: page.page === 0, onclick: () => go(page.page - 1) }), ' ',
    h('button', { type: 'button', textContent: t('next'), disabled: page.page + 1 >= pages, onclick: () => go(page.page + 1) }));
}

/** Whether the person holds one of roles (as the endpoints behind an action require). */
export const holds = (context, ...roles) => roles.some((role) => (context.session.roles || []).includes(role));

/** Query text from the entries whose value is set. */
export function query(values) {
  return new URLSearchParams(Object.entries(values).filter(([, v]) => v !== undefined && v !== null && v !== '')).toString();
}

/** A select of the tenant's customers (the first 200 by name), the chosen one preselected. */
export async function customerSelect(context, chosen) {
  const { h } = context;
  const page = await context.json('/api/v1/customers?size=200');
  return h('select', { name: 'customerId', required: true },
    h('option', { value: '', textContent: '—' }),
    page.items.map((customer) => h('option', { value: customer.id, 'data-currency': customer.currency,
      textContent: `${customer.number ? `${customer.number} · ` : ''}${customer.name}`, selected: customer.id === chosen })));
}

/** Facts as a definition list, leaving out those without a value. */
export function facts(context, rows) {
  const { h } = context;
  return h('dl', { className: 'facts' }, rows.filter(([, value]) => value !== undefined && value !== null && value !== '')
    .flatMap(([label, value]) => [h('dt', { textContent: label }), h('dd', {}, value)]));
}

/** How each risk factor's value reads: days, a share (0 to 1) in percent, a count, a size ratio (its log), or no value. */
const FACTOR_UNITS = {
  DAYS_BEYOND_TERMS: 'days', RECENT_DAYS_BEYOND_TERMS: 'days', DELAY_TREND: 'days', SHARE_PAID_LATE: 'share',
  SHARE_OVER_90_DAYS: 'share', CREDIT_UTILISATION: 'share', DISPUTES: 'count', INVOICE_DISPUTED: 'none',
  DUNNING_LEVEL: 'count', RELATIONSHIP_DAYS: 'days', INVOICE_SIZE: 'ratio', OLDEST_OVERDUE_DAYS: 'days', DAYS_OVERDUE: 'days',
};

/** A reason of a risk score in words: the factor and its value on the day it was scored. */
export function riskReason(context, reason) {
  const { t, format } = context;
  const unit = FACTOR_UNITS[reason.factor];
  if (!unit) return t('risk.factor.other');
  const factor = t(`risk.factor.${reason.factor}`);
  const value = {
    days: () => t('risk.days', { days: format.number(Math.round(reason.value)) }),
    share: () => t('risk.percent', { value: format.number(Math.round(reason.value * 100)) }),
    count: () => format.number(reason.value),
    ratio: () => t('risk.times', { value: format.number(Math.round(Math.exp(reason.value) * 10) / 10) }),
    none: () => null,
  }[unit]();
  return value === null ? factor : t('risk.reason', { factor, value });
}

/** A risk score (0 to 100) as a small badge: red only from 50, where the customer needs watching. */
export function riskBadge(context, score) {
  const level = score >= 50 ? 'high' : score >= 20 ? 'medium' : 'low';
  return context.h('span', { className: `badge risk-${level}`, textContent: context.t('risk.score', { score: context.format.number(score) }) });
}

/** A probability (0 to 1) in percent. */
export const riskPercent = (context, probability) => context.t('risk.percent', { value: context.format.number(Math.round(probability * 1000) / 10) });

/** The words every core screen uses; each screen's bundle has them through withShared. */
export const messages = {
  en: {
    noAnswer: 'No answer: {reason}',
    pager: '{total} in all · page {page} of {pages}',
    previous: 'Previous',
    next: 'Next',
    save: 'Save',
    cancel: 'Cancel',
    open: 'Open',
    'status.DRAFT': 'Draft',
    'status.ISSUED': 'Issued',
    'status.PARTIALLY_PAID': 'Partly paid',
    'status.PAID': 'Paid',
    'status.CANCELED': 'Canceled',
    'status.WRITTEN_OFF': 'Written off',
    'status.CREATED': 'Created',
    'status.PENDING': 'Pending',
    'status.SUCCEEDED': 'Succeeded',
    'status.FAILED': 'Failed',
    'status.EXPIRED': 'Expired',
    'status.PARTIALLY_REFUNDED': 'Partly refunded',
    'status.REFUNDED': 'Refunded',
    'status.RECEIVED': 'Received',
    'status.REVERSED': 'Reversed',
    'status.PASS': 'Pass',
    'status.WARN': 'Warning',
    'status.BLOCK': 'Blocked',
    'risk.score': 'Risk {score}',
    'risk.reason': '{factor}: {value}',
    'risk.days': '{days} days',
    'risk.percent': '{value} %',
    'risk.times': '{value} ×',
    'risk.factor.DAYS_BEYOND_TERMS': 'Average days beyond terms',
    'risk.factor.RECENT_DAYS_BEYOND_TERMS': 'Days beyond terms, last three',
    'risk.factor.DELAY_TREND': 'Paying later than usual by',
    'risk.factor.SHARE_PAID_LATE': 'Invoices paid late',
    'risk.factor.SHARE_OVER_90_DAYS': 'Invoices over 90 days late',
    'risk.factor.CREDIT_UTILISATION': 'Credit limit used',
    'risk.factor.DISPUTES': 'Disputes in the last year',
    'risk.factor.INVOICE_DISPUTED': 'Invoice in dispute',
    'risk.factor.DUNNING_LEVEL': 'Dunning level reached',
    'risk.factor.RELATIONSHIP_DAYS': 'Customer for',
    'risk.factor.INVOICE_SIZE': 'Invoice size against the usual',
    'risk.factor.OLDEST_OVERDUE_DAYS': 'Oldest item overdue',
    'risk.factor.DAYS_OVERDUE': 'Days overdue',
    'risk.factor.other': 'Another factor',
  },
  'zh-CN': {
    noAnswer: '无响应：{reason}',
    pager: '共 {total} 项 · 第 {page} / {pages} 页',
    previous: '上一页',
    next: '下一页',
    save: '保存',
    cancel: '取消',
    open: '打开',
    'status.DRAFT': '草稿',
    'status.ISSUED': '已开具',
    'status.PARTIALLY_PAID': '部分付款',
    'status.PAID': '已付清',
    'status.CANCELED': '已取消',
    'status.WRITTEN_OFF': '已核销',
    'status.CREATED': '已创建',
    'status.PENDING': '待支付',
    'status.SUCCEEDED': '已成功',
    'status.FAILED': '失败',
    'status.EXPIRED': '已过期',
    'status.PARTIALLY_REFUNDED': '部分退款',
    'status.REFUNDED': '已退款',
    'status.RECEIVED': '已收到',
    'status.REVERSED': '已冲销',
    'status.PASS': '通过',
    'status.WARN': '警告',
    'status.BLOCK': '已阻止',
    'risk.score': '风险 {score}',
    'risk.reason': '{factor}：{value}',
    'risk.days': '{days} 天',
    'risk.percent': '{value}%',
    'risk.times': '{value} 倍',
    'risk.factor.DAYS_BEYOND_TERMS': '平均超期天数',
    'risk.factor.RECENT_DAYS_BEYOND_TERMS': '最近三笔超期天数',
    'risk.factor.DELAY_TREND': '付款比以往更晚',
    'risk.factor.SHARE_PAID_LATE': '逾期付款比例',
    'risk.factor.SHARE_OVER_90_DAYS': '逾期超过 90 天的比例',
    'risk.factor.CREDIT_UTILISATION': '信用额度使用率',
    'risk.factor.DISPUTES': '近一年争议次数',
    'risk.factor.INVOICE_DISPUTED': '发票存在争议',
    'risk.factor.DUNNING_LEVEL': '已达催收级别',
    'risk.factor.RELATIONSHIP_DAYS': '合作时长',
    'risk.factor.INVOICE_SIZE': '发票金额相对平常',
    'risk.factor.OLDEST_OVERDUE_DAYS': '最早逾期款项',
    'risk.factor.DAYS_OVERDUE': '逾期天数',
    'risk.factor.other': '其他因素',
  },
};

/** A screen's messages with the shared ones added, per language. */
export function withShared(own) {
  return Object.fromEntries(Object.keys(messages).map((language) => [language, { ...messages[language], ...own[language] }]));
}
