/** Signing in and creating an account. Field checks from the form schema stay English. */
export const en = {
	'login.title': 'Sign in',
	'login.email': 'Email',
	'login.password': 'Password',
	'login.new': 'New here?',
	'login.create': 'Create an account',
	'login.mismatch': 'That email and password do not match an account.',
	'login.tooManyOne': 'Too many sign-in attempts. Try again in {minutes} minute.',
	'login.tooMany': 'Too many sign-in attempts. Try again in {minutes} minutes.',
	'signup.title': 'Create an account',
	'signup.heading': 'Create a researcher account',
	'signup.submit': 'Create account',
	'signup.why':
		'An account lets you save uploaded datasets on this server, keep them private or share them. Reading Parallax needs no account.',
	'signup.name': 'Name',
	'signup.passwordHint': 'At least 12 characters.',
	'signup.have': 'Already have an account?',
	'signup.signIn': 'Sign in',
	'signup.weak':
		'This password is too easy to guess: it is common, repetitive, or built from your name or email. Try a longer phrase of unrelated words.',
	'signup.tooMany': 'Too many new accounts from this address. Try again in {minutes} minutes.',
	'signup.sentHeading': 'Check your email',
	'signup.sent': 'We have sent a message to {email}. Open the link in it within 24 hours to confirm the address and sign in.',
	'signup.sentDev': 'No message? Check your spam folder. On a server without mail set up, the link is printed in the server log.',
	'login.unconfirmed': 'Confirm your email address first: we have sent a new link to it.',
	'verify.title': 'Confirm your email address',
	'verify.expired': 'This link has expired or has already been used. Sign in to get a new one.',
	'verify.signIn': 'Sign in'
} as const;

export const uk = {
	'login.title': 'Увійти',
	'login.email': 'Електронна пошта',
	'login.password': 'Пароль',
	'login.new': 'Уперше тут?',
	'login.create': 'Створити обліковий запис',
	'login.mismatch': 'Ця електронна адреса й пароль не відповідають жодному обліковому запису.',
	'login.tooManyOne': 'Забагато спроб входу. Спробуйте знову за {minutes} хв.',
	'login.tooMany': 'Забагато спроб входу. Спробуйте знову за {minutes} хв.',
	'signup.title': 'Створити обліковий запис',
	'signup.heading': 'Створити обліковий запис дослідника',
	'signup.submit': 'Створити обліковий запис',
	'signup.why':
		'Обліковий запис дає змогу зберігати завантажені набори даних на цьому сервері, тримати їх приватними або ділитися ними. Для читання Parallax обліковий запис не потрібен.',
	'signup.name': 'Ім’я',
	'signup.passwordHint': 'Щонайменше 12 символів.',
	'signup.have': 'Уже маєте обліковий запис?',
	'signup.signIn': 'Увійти',
	'signup.weak':
		'Цей пароль надто легко вгадати: він поширений, повторюваний або складений з вашого імені чи адреси. Спробуйте довшу фразу з не пов’язаних між собою слів.',
	'signup.tooMany': 'Забагато нових облікових записів із цієї адреси. Спробуйте знову за {minutes} хв.',
	'signup.sentHeading': 'Перевірте пошту',
	'signup.sent': 'Ми надіслали лист на {email}. Відкрийте посилання в ньому протягом 24 годин, щоб підтвердити адресу й увійти.',
	'signup.sentDev': 'Немає листа? Перевірте теку «Спам». Якщо на сервері не налаштовано пошту, посилання є в журналі сервера.',
	'login.unconfirmed': 'Спершу підтвердьте електронну адресу: ми надіслали на неї нове посилання.',
	'verify.title': 'Підтвердьте електронну адресу',
	'verify.expired': 'Термін дії цього посилання минув, або його вже використано. Увійдіть, щоб отримати нове.',
	'verify.signIn': 'Увійти'
} satisfies Record<keyof typeof en, string>;
