// Pay by link: the payer opens the hosted payment page; a collector can hand the phone over or send the link.
// The shell calls render(container, context) with the intent as context.data; context.t reads these messages.

export const messages = {
  en: {
    title: 'Pay by link',
    open: 'Open the payment page',
    send: 'Or send the payer this link:',
    notYet: 'The payment page is not ready yet.',
  },
  'zh-CN': {
    title: '链接支付',
    open: '打开支付页面',
    send: '或将此链接发送给付款人：',
    notYet: '支付页面尚未就绪。',
  },
};

export function render(container, context) {
  const { h, t, data: intent } = context;
  const url = String((intent && intent.instructions && intent.instructions.redirectUrl) || '');
  if (!/^https:\/\//i.test(url)) {
    container.replaceChildren(h('p', { textContent: t('notYet') }));
    return;
  }
  container.replaceChildren(h('div', { className: 'paylink' },
    h('p', {}, h('a', { className: 'button primary', href: url, target: '_blank', rel: 'noopener', textContent: t('open') })),
    h('p', {}, t('send'), ' ', h('code', { textContent: url }))));
}

export default render;
