"""PDF/A: conversion of scans and PDFs, the deterministic writer, and verification."""
