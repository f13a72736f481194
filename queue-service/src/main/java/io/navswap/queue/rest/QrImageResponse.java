package io.navswap.queue.rest;

public record QrImageResponse(String qrToken, String imageBase64, String contentType) {
}
