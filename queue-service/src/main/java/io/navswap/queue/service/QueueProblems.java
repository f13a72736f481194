package io.navswap.queue.service;

import io.navswap.shared.problem.ProblemException;

/**
 * Every business refusal of queue-service, with its stable problem type ({@code https://navswap.io/problems/<slug>})
 * and HTTP status, in one place (the README lists the same table).
 */
public final class QueueProblems {
    private QueueProblems() {
    }

    public static ProblemException stationNotFound(String stationId) {
        return new ProblemException(404, "station-not-found", "Station not found",
                "Station " + stationId + " does not exist");
    }

    public static ProblemException stationInactive(String stationId) {
        return new ProblemException(409, "station-inactive", "Station inactive",
                "Station " + stationId + " is not taking reservations");
    }

    public static ProblemException noSuitableBattery(String stationId, Double sohMin) {
        return new ProblemException(409, "no-suitable-battery", "No suitable battery",
                "Station " + stationId + " has no charged battery" + (sohMin == null ? "" : " with SOH >= " + sohMin));
    }

    public static ProblemException activeReservationExists(String reservationId) {
        return new ProblemException(409, "active-reservation-exists", "Active reservation exists",
                "You already hold " + (reservationId == null ? "an active reservation" : "reservation " + reservationId)
                        + "; cancel it before reserving another slot");
    }

    public static ProblemException stationFull(String stationId, int capacity) {
        return new ProblemException(409, "station-full", "Station full",
                "Station " + stationId + " already has " + capacity + " active reservations");
    }

    public static ProblemException reservationNotFound(String reservationId) {
        return new ProblemException(404, "reservation-not-found", "Reservation not found",
                "Reservation " + reservationId + " does not exist");
    }

    public static ProblemException notYourReservation(String reservationId) {
        return new ProblemException(403, "forbidden", "Forbidden",
                "Reservation " + reservationId + " belongs to another user");
    }

    public static ProblemException notCancellable(String reservationId, String status) {
        return new ProblemException(409, "reservation-not-cancellable", "Reservation not cancellable",
                "Reservation " + reservationId + " is " + status + " and can no longer be cancelled");
    }

    public static ProblemException reservationNotActive(String reservationId, String status) {
        return new ProblemException(409, "reservation-not-active", "Reservation not active",
                "Reservation " + reservationId + " is " + status);
    }

    public static ProblemException concurrentUpdate(String reservationId) {
        return new ProblemException(409, "concurrent-update", "Concurrent update",
                "Reservation " + reservationId + " kept changing while this request ran; try again");
    }

    public static ProblemException qrInvalidSignature(String detail) {
        return new ProblemException(400, "qr-invalid-signature", "QR token invalid", detail);
    }

    public static ProblemException qrExpired() {
        return new ProblemException(410, "qr-expired", "QR token expired",
                "This QR code has expired; the rider can show a fresh one from the app");
    }

    public static ProblemException qrWrongStation(String tokenStation, String scanStation) {
        return new ProblemException(403, "qr-wrong-station", "QR token for another station",
                "This QR code is for station " + tokenStation + ", not " + scanStation);
    }

    public static ProblemException qrAlreadyUsed() {
        return new ProblemException(409, "qr-already-used", "QR token already used",
                "This QR code has already started a swap");
    }

    public static ProblemException qrSuperseded() {
        return new ProblemException(409, "qr-superseded", "QR token replaced",
                "A newer QR code was issued for this reservation; scan the latest one");
    }

    public static ProblemException qrNotYours() {
        return new ProblemException(403, "forbidden", "Forbidden", "This QR code belongs to another user");
    }

    public static ProblemException staffNotOnDuty(String staffId, String stationId) {
        return new ProblemException(403, "staff-not-on-duty", "Not on duty at this station",
                "Staff member " + staffId + " is not on duty at station " + stationId);
    }

    public static ProblemException staffCheckUnavailable(String stationId) {
        return new ProblemException(503, "staff-check-unavailable", "Staff check unavailable",
                "Duty at station " + stationId + " cannot be confirmed right now; try again shortly");
    }
}
