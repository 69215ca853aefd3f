import { render } from 'preact';

render(<h1>Reply Radar</h1>, document.getElementById('app') as HTMLElement);
