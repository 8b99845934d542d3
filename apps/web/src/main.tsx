import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Provider } from 'react-redux';
import { BrowserRouter } from 'react-router-dom';
import { AppRoutes } from './app/AppRoutes';
import { createAppStore } from './app/store';
import { LiveChannels } from './live/liveChannels';
import { startLiveSync } from './live/liveSync';
import { loadSession, persistSessionChanges } from './session/sessionPersistence';
import './styles.css';

const live = new LiveChannels();
const store = createAppStore({ session: loadSession(), live });
persistSessionChanges(store);
startLiveSync(store, live);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Provider store={store}>
      <BrowserRouter>
        <AppRoutes />
      </BrowserRouter>
    </Provider>
  </StrictMode>,
);
