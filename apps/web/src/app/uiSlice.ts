import { createSlice, type PayloadAction } from '@reduxjs/toolkit';

/** State of the live WebSocket, shown by the connection indicator. */
export type LiveStatus = 'offline' | 'connecting' | 'live' | 'reconnecting';

export interface UiState {
  live: LiveStatus;
}

const initialState: UiState = { live: 'offline' };

export const uiSlice = createSlice({
  name: 'ui',
  initialState,
  reducers: {
    liveStatusChanged: (state, action: PayloadAction<LiveStatus>) => {
      state.live = action.payload;
    },
  },
});

export const { liveStatusChanged } = uiSlice.actions;
export const selectLiveStatus = (state: { ui: UiState }) => state.ui.live;
