// The case model's dates are the shared `CalendarDate` (module CalendarDay): birth and intake
// dates, ages, day arithmetic.
@_exported import CalendarDay
