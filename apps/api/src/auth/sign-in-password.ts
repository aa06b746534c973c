import { Injectable } from '@nestjs/common';
import { hashPassword, verifyPassword } from '@resonance/db';

// A real hash of a random password: unknown e-mails cost as much time as wrong passwords.
const DUMMY_HASH = hashPassword(`dummy-${Math.random()}`);

/**
 * The password check of a sign-in: against the user's hash, or against a dummy hash when there is
 * no such user, so a known and an unknown e-mail both cost one scrypt.
 */
@Injectable()
export class SignInPassword {
  async matches(password: string, storedHash: string | undefined): Promise<boolean> {
    const ok = await verifyPassword(password, storedHash ?? (await DUMMY_HASH));
    return ok && storedHash !== undefined;
  }
}
