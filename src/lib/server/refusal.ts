import { error } from '@sveltejs/kit';
import type { Message } from '$lib/domain/message';
import { translateMessage, type MessageRef } from '$lib/i18n/catalogue';

/**
 * An expected error whose words come from the catalogue: `message` in English for logs and API
 * clients, and the message itself for the error page to say in the reader's language.
 */
export function refuse(status: number, message: Message<MessageRef>): never {
	error(status, { message: translateMessage('en', message), said: message });
}
