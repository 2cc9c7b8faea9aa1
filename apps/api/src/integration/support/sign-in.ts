import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { TestAgent, TEST_PASSWORD } from '@casustafel/api/testing';

/** A signed-in agent for a factory-made demo user (demo mode: password only). */
export async function signIn(app: NestFastifyApplication, email: string, password = TEST_PASSWORD): Promise<TestAgent> {
  const agent = new TestAgent(app);
  await agent.get('/api/auth/config');
  const login = await agent.post<{ next: string }>('/api/auth/login', { email, password });
  if (login.status !== 200 || login.body.next !== 'DONE') {
    throw new Error(`sign-in of ${email} failed: ${login.status} ${login.text}`);
  }
  return agent;
}
