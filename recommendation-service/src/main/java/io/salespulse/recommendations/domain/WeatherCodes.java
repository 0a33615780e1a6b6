package io.salespulse.recommendations.domain;

/** Maps the providers' condition codes to {@link Weather.Condition}. */
public final class WeatherCodes {

    private WeatherCodes() {
    }

    /** WMO weather interpretation codes as Open-Meteo documents them (0 clear ... 95-99 thunderstorm). */
    public static Weather.Condition fromWmo(int code) {
        if (code == 0 || code == 1) {
            return Weather.Condition.CLEAR;
        }
        if (code == 2 || code == 3) {
            return Weather.Condition.CLOUDY;
        }
        if (code == 45 || code == 48) {
            return Weather.Condition.FOG;
        }
        if ((code >= 71 && code <= 77) || code == 85 || code == 86) {
            return Weather.Condition.SNOW;
        }
        if (code >= 95) {
            return Weather.Condition.STORM;
        }
        return code >= 51 ? Weather.Condition.RAIN : Weather.Condition.CLOUDY;
    }

    /** OpenWeather condition ids: 2xx thunderstorm, 3xx drizzle, 5xx rain, 6xx snow, 7xx atmosphere, 800 clear, 80x clouds. */
    public static Weather.Condition fromOpenWeather(int id) {
        return switch (id / 100) {
            case 2 -> Weather.Condition.STORM;
            case 3, 5 -> Weather.Condition.RAIN;
            case 6 -> Weather.Condition.SNOW;
            case 7 -> Weather.Condition.FOG;
            default -> id == 800 ? Weather.Condition.CLEAR : Weather.Condition.CLOUDY;
        };
    }
}
