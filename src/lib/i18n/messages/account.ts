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
	'signup.taken': 'There is already an account with this email address. Sign in instead.'
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
	'signup.taken': 'Обліковий запис із цією електронною адресою вже існує. Увійдіть замість реєстрації.'
} satisfies Record<keyof typeof en, string>;
