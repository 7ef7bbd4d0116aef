// The wallet's payment instructions, in the shell's payment.instructions slot: the intent's QR payload as a QR
// code to scan (full width on a phone) and as text to open. The shell calls render(container, context) with the
// intent as context.data (as GET /api/v1/payment-intents/{id} returns it); context.qrImage draws the code.

export const messages = {
  en: {
    title: 'Pay by QR wallet',
    notYet: 'No QR code yet: the wallet has not confirmed this payment.',
    scan: 'Scan with the wallet app, or open:',
    alt: 'QR code to scan with the wallet app',
    validUntil: 'valid until {time}',
    noImage: 'No QR image: {reason}',
  },
  'zh-CN': {
    title: '钱包扫码支付',
    notYet: '尚无二维码：钱包尚未确认此笔付款。',
    scan: '请用钱包应用扫码，或打开：',
    alt: '用钱包应用扫描的二维码',
    validUntil: '有效期至 {time}',
    noImage: '无法生成二维码图片：{reason}',
  },
};

export function render(container, context) {
  const { t, h, data: intent } = context;
  const payload = intent && intent.instructions && intent.instructions.qrPayload;
  if (!payload) {
    container.replaceChildren(h('p', { textContent: t('notYet') }));
    return;
  }
  let image;
  try {
    image = context.qrImage(payload, t('alt'));
  } catch (tooLong) {
    image = h('p', { className: 'problem', textContent: t('noImage', { reason: tooLong.message }) });
  }
  const expires = intent.instructions.expiresAt;
  container.replaceChildren(h('figure', { className: 'qr-figure' }, image,
    h('figcaption', {}, t('scan'), ' ',
      /^https?:\/\//i.test(payload) ? h('a', { href: payload, textContent: payload }) : h('code', { textContent: payload }),
      expires ? ` (${t('validUntil', { time: context.format.instant(expires) })})` : '')));
}

export default render;
