import { Outlet } from 'react-router-dom';
import { Header } from './Header';
import { PlatformBanner } from './PlatformBanner';
import { Sidebar } from './Sidebar';

export function AppLayout() {
  return (
    <div className="shell">
      <Sidebar />
      <div className="main">
        <Header />
        <PlatformBanner />
        <main className="content">
          <Outlet />
        </main>
      </div>
    </div>
  );
}
