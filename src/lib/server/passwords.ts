import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';

let checker: ZxcvbnFactory | undefined;

/**
 * Whether a password is too easy to guess: common (the maintained zxcvbn-ts list of leaked and
 * frequent passwords), repetitive, a keyboard walk, or built from the account's own name or email.
 * Score 3 of 4 is zxcvbn's "safely unguessable" for an online attack, which is what a login limit
 * leaves an attacker.
 */
export function isGuessable(password: string, userInputs: string[]): boolean {
	checker ??= new ZxcvbnFactory({ dictionary: { ...common.dictionary }, graphs: common.adjacencyGraphs });
	const inputs = userInputs.flatMap((input) => [input, ...input.split(/[@.\s_+-]+/)]).filter((part) => part.length > 2);
	return checker.check(password, inputs).score < 3;
}
