import { Module } from '@nestjs/common';
import { CandleStore } from './candle-store';
import { HistoryBackfillService } from './history-backfill.service';
import { MarketFeedService } from './market-feed.service';
import { MarketsController } from './markets.controller';
import { MarketsService } from './markets.service';
import { PriceAlertsService } from './price-alerts.service';
import { ReplayService } from './replay.service';
import { venueProvider } from './venue.provider';

/** F4 Markets in the execution service: the venue, the live feed, candles, quotes, correlations, price alerts. */
@Module({
  controllers: [MarketsController],
  providers: [venueProvider, CandleStore, MarketFeedService, MarketsService, PriceAlertsService, HistoryBackfillService, ReplayService],
  exports: [MarketFeedService, CandleStore],
})
export class MarketsModule {}
