/** What a role that may not use a page sees instead (the API would refuse it too). */
export function NotAllowed({ what }: { what: string }) {
  return (
    <div className="page">
      <div className="card notice" role="alert" data-testid="not-allowed">
        <h1>{what} is not available for your role</h1>
        <p>Ask a manager or an administrator if you need access.</p>
      </div>
    </div>
  );
}
