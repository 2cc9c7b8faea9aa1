import { PROBLEM_CONTENT_TYPE } from '@casustafel/shared/contracts';
import { expect, expectNoAxeViolations, test } from '../support/fixtures';

test.describe('unknown addresses', () => {
  test('an unknown page lands on the login page', async ({ page }) => {
    await page.goto('/bestaat-niet');

    await expect(page).toHaveURL(/\/inloggen(\?terug=%2Fstart)?$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Inloggen bij Casustafel' })).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test('an unknown API route answers 404 problem details with a correlation id', async ({ request }) => {
    const response = await request.get('/api/bestaat-niet', { headers: { accept: 'application/json' } });

    expect(response.status()).toBe(404);
    expect(response.headers()['content-type']).toContain(PROBLEM_CONTENT_TYPE);
    const correlationId = response.headers()['x-correlation-id'];
    expect(correlationId).toMatch(/^[A-Za-z0-9._-]{8,128}$/);
    expect(await response.json()).toMatchObject({
      status: 404,
      instance: '/api/bestaat-niet',
      correlationId,
    });
  });

  test('an unknown API route is not answered with the web app, even for a browser', async ({ request }) => {
    const response = await request.get('/api/bestaat-niet', { headers: { accept: 'text/html' } });

    expect(response.status()).toBe(404);
    expect(response.headers()['content-type']).toContain(PROBLEM_CONTENT_TYPE);
  });
});
